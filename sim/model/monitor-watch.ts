// What a monitor keeps on each data node it watches: the node's failure detector, the verdict the
// monitor announced, and its pending verdict check. A detector that knows when silence will make
// it suspect (detectors/detector.ts, suspicionAtUs) gets a look at that instant — a verdict check,
// judged after everything else due then (monitor.ts). A check is scheduled only once it falls due
// by the monitor's next round; until then each round asks again, so a node that keeps answering
// in time costs no check at all, and a silent one is judged at the same instant as if a check had
// been kept pending at every deadline. A newer check voids older ones (their generation is past).
// Checks due at the same microsecond are judged in the order they were scheduled (for those a
// round schedules: its nodes' order).
// Before the acting controller decides, every verdict must be current (monitor.ts, decideOn).
// Watches keeps an instant before which none can have changed — the earliest at which any
// detector's verdict may change if nothing more is heard (verdictChangesAtUs), lowered whenever a
// detector hears something (all news goes through Watches for that) — so that a decision asks
// every detector only once that instant has come, not on every pong.
import { wholeUs } from "../engine/index.ts";
import type { FailureDetector } from "./detectors/index.ts";

/** What a monitor reads of a watch's detector. News for the detector, and asking it for its
 *  verdict, go through Watches (probeSent, reply, …, ask), which keeps the bound. */
export type DetectorView = Pick<FailureDetector, "probeTimeoutUs" | "suspicionAtUs">;

export interface Watch {
  readonly node: string;
  readonly detector: DetectorView;
  /** Its verdict as announced (Watches.ask sets it). */
  readonly suspected: boolean;
  /** The pending verdict check's time (Infinity: none) and generation. */
  checkAtUs: number;
  generation: number;
}

/** A watch as Watches keeps it (every Watch is one: Watches makes them all). */
interface OwnWatch extends Watch {
  detector: FailureDetector;
  suspected: boolean;
}

/** A watch of each node, in their order, each with a fresh detector. */
function createWatches(
  nodes: readonly string[],
  createDetector: () => FailureDetector,
): OwnWatch[] {
  return nodes.map((node) => ({
    node,
    detector: createDetector(),
    suspected: false,
    checkAtUs: Infinity,
    generation: 1,
  }));
}

/** A monitor's watches, in the order of its data nodes, and when a verdict may next change. */
export class Watches {
  readonly list: readonly Watch[];
  private readonly byNode = new Map<string, Watch>();
  /** Until this instant every watch's announced verdict is its detector's, if nothing more is
   *  heard: a lower bound, -Infinity when nothing is known. */
  private standUntilUs = -Infinity;

  constructor(nodes: readonly string[], createDetector: () => FailureDetector) {
    this.list = createWatches(nodes, createDetector);
    for (const watch of this.list) this.byNode.set(watch.node, watch);
  }

  of(node: string): Watch {
    return this.byNode.get(node)!;
  }

  /** Whether every detector must be asked now, a verdict having possibly changed. When so, the
   *  bound starts afresh: the caller asks every watch (ask), which sets it anew. */
  dueForAll(nowUs: number): boolean {
    if (nowUs < this.standUntilUs) return false;
    this.standUntilUs = Infinity;
    return true;
  }

  /** The detector's verdict now becomes the watch's; true when it changed. */
  ask(watch: Watch, nowUs: number): boolean {
    const kept = own(watch);
    const { detector } = kept;
    const suspect = detector.suspects(nowUs);
    const changed = suspect !== kept.suspected;
    kept.suspected = suspect;
    this.lower(detector.verdictChangesAtUs(nowUs));
    return changed;
  }

  // News for a watch's detector, each lowering the bound.

  probeSent(watch: Watch, seq: number, nowUs: number): void {
    own(watch).detector.probeSent(seq, nowUs);
    this.noted(watch, nowUs);
  }

  reply(watch: Watch, seq: number, sentUs: number, nowUs: number): void {
    own(watch).detector.reply(seq, sentUs, nowUs);
    this.noted(watch, nowUs);
  }

  lifeSign(watch: Watch, nowUs: number): void {
    own(watch).detector.lifeSign(nowUs);
    this.noted(watch, nowUs);
  }

  probeExpired(watch: Watch, seq: number, nowUs: number): void {
    own(watch).detector.probeExpired(seq, nowUs);
    this.noted(watch, nowUs);
  }

  /** After the watch's detector heard something: its verdict's next possible change (now, if the
   *  detector no longer agrees with the verdict announced) lowers the bound. */
  private noted(watch: Watch, nowUs: number): void {
    const { detector } = own(watch);
    const atUs =
      detector.suspects(nowUs) === watch.suspected ? detector.verdictChangesAtUs(nowUs) : nowUs;
    this.lower(atUs);
  }

  private lower(atUs: number): void {
    if (atUs < this.standUntilUs) this.standUntilUs = atUs;
  }

  /** Fresh detectors (a restarted monitor's): any pending check is void; the verdicts announced
   *  stand until the detectors are asked. */
  restart(createDetector: () => FailureDetector): void {
    for (const watch of this.list) {
      own(watch).detector = createDetector();
      watch.checkAtUs = Infinity;
      watch.generation++;
    }
    this.standUntilUs = -Infinity;
  }
}

function own(watch: Watch): OwnWatch {
  return watch as OwnWatch;
}

/** When to look at the node now — at the instant its silence would make it suspected, or now if
 *  that has passed — or null: it is suspected already, a check comes no later, or the instant
 *  lies beyond the next round (`nextRoundAtUs`), which asks again. */
export function checkDueUs(watch: Watch, nowUs: number, nextRoundAtUs: number): number | null {
  if (watch.suspected) return null;
  const atUs = Math.max(watch.detector.suspicionAtUs(), nowUs);
  if (!(atUs < watch.checkAtUs) || wholeUs(atUs) > nextRoundAtUs) return null;
  return atUs;
}
