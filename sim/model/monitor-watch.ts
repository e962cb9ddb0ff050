// What a monitor keeps on each data node it watches: the node's failure detector, the verdict the
// monitor announced, and its pending verdict check. A detector that knows when silence will make
// it suspect (detectors/detector.ts, suspicionAtUs) gets a look at that instant — a verdict check,
// judged after everything else due then (monitor.ts). A check is scheduled only once it falls due
// by the monitor's next round; until then each round asks again, so a node that keeps answering
// in time costs no check at all, and a silent one is judged at the same instant as if a check had
// been kept pending at every deadline. A newer check voids older ones (their generation is past).
// Checks due at the same microsecond are judged in the order they were scheduled (for those a
// round schedules: its nodes' order).
import { wholeUs } from "../engine/index.ts";
import type { FailureDetector } from "./detectors/index.ts";

export interface Watch {
  readonly node: string;
  detector: FailureDetector;
  /** Its verdict as announced. */
  suspected: boolean;
  /** The pending verdict check's time (Infinity: none) and generation. */
  checkAtUs: number;
  generation: number;
}

/** A watch of each node, in their order, each with a fresh detector. */
export function createWatches(
  nodes: readonly string[],
  createDetector: () => FailureDetector,
): Watch[] {
  return nodes.map((node) => ({
    node,
    detector: createDetector(),
    suspected: false,
    checkAtUs: Infinity,
    generation: 1,
  }));
}

/** A fresh detector (a restarted monitor's): any pending check is void; the verdict announced
 *  stands until the detector is asked. */
export function restartWatch(watch: Watch, detector: FailureDetector): void {
  watch.detector = detector;
  watch.checkAtUs = Infinity;
  watch.generation++;
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
