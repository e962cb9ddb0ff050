// The story of a run for `sim explain`, built online from the whole trace: one line per main
// event (the "changes" level), and between them the per-write noise grouped into counts — "684
// writes failed between 120.1 s and 123.4 s", "db1, deposed but unaware, accepted 11,102
// writes" — so a minute of writes reads as one sentence. What a listener needs once is said once:
// the roles at t = 0 make one opening line; monitors changing their verdict on one node in the
// same tenth of a second make one line; reroutes of one client group to one target in a row (DNS
// caches expiring one by one) make one line; "db1 is down" after "db1 crashes", "db2 is now
// primary" before "db2 is promoted" and "db1 is now standby" after "db1 steps down" are dropped.
// Events in the same tenth of a second form a moment: the writes counted are told before each
// moment, never between its events. A story longer than `maxStoryLines` keeps its first lines and
// its end-of-run accounting and counts the events left out, so memory is bounded by the lines
// kept, not by the run's length. Sentences are made at the end, from the resolved world (the
// detector's terms, client routing; the grouped lines in explain-story-lines.ts), so the observer
// can watch a run whose world is not known yet.
import type { TraceEvent, WorldConfig } from "../model/index.ts";
import { faultKindOf, perWriteKinds } from "../model/index.ts";
import { explainSentence, verdictSentence } from "./explain-sentences.ts";
import {
  divergentAside,
  failureAside,
  rerouteText,
  type RerouteRun,
  type Tally,
} from "./explain-story-lines.ts";

export const maxStoryLines = 400;

export interface StoryLine {
  tUs: number;
  text: string;
  /** A summary of per-write events rather than one event: printed indented, without its own time. */
  aside: boolean;
}

export interface Story {
  lines: StoryLine[];
  /** Main events left out after `maxStoryLines` lines. */
  omitted: number;
  /** The end-of-run accounting (lost writes, the authoritative history). */
  closing: StoryLine[];
}

/** A line as kept while the run goes: its text, or what its text will be made from. */
type PendingLine =
  | { tUs: number; aside: false; text: string }
  | { tUs: number; aside: true; failures: Tally }
  | {
      tUs: number;
      aside: true;
      divergent: { node: string; count: number; firstUs: number; lastUs: number };
    }
  | { tUs: number; aside: false; event: TraceEvent }
  | { tUs: number; aside: false; run: RerouteRun }
  | { tUs: number; aside: false; verdict: "suspect" | "trust"; node: string; monitors: string[] };

export class StoryObserver {
  private readonly lines: PendingLine[] = [];
  private readonly closing: PendingLine[] = [];
  private omitted = 0;
  private tally: Tally | null = null;
  private readonly initialRoles: string[] = [];
  /** The current moment (tenths of a second) and the verdict lines told in it, by kind and node. */
  private momentTenths = -1;
  private readonly momentVerdicts = new Map<string, PendingLine & { monitors: string[] }>();
  /** Every event told in this moment, to drop exact repeats (a controller retrying each round). */
  private readonly momentEvents = new Set<string>();
  /** Nodes a fault of this moment crashed or restarted, "down"/"up" for a zone's outage or
   *  restore: their down and up lines repeat the fault's. */
  private readonly faultNodes = new Set<string>();
  private reroutes: RerouteRun | null = null;
  /** Nodes just demoted: their next role line (standby) repeats what the demotion said. */
  private readonly demoted = new Set<string>();

  observe(event: TraceEvent): void {
    if (perWriteKinds.has(event.kind)) {
      this.count(event);
      return;
    }
    if (event.kind === "role" && event.tUs === 0) {
      this.initialRoles.push(`${event.node} ${event.role}`);
      return;
    }
    this.openingLine();
    if (event.kind === "writes_lost" || event.kind === "run_end") {
      this.flushTally();
      this.closing.push({ tUs: event.tUs, aside: false, event });
      return;
    }
    this.enterMoment(event.tUs);
    if (this.repeats(event) || this.joinsVerdict(event) || this.joinsReroutes(event)) return;
    if (event.kind === "promoted") this.dropRoleLine(event.node, event.tUs);
    if (event.kind === "demoted") this.demoted.add(event.node);
    if (event.kind === "fault")
      for (const node of faultKindOf(event.fault.kind).startsOrStops(event.fault))
        this.faultNodes.add(node);
    if (event.kind === "auto_restart") this.faultNodes.add(event.node); // its up line repeats it
    this.reroutes = null;
    if (event.kind === "reroute") {
      this.reroutes = {
        client: event.client,
        target: event.target,
        count: 1,
        firstUs: event.tUs,
        lastUs: event.tUs,
      };
      this.add({ tUs: event.tUs, aside: false, run: this.reroutes });
    } else if (event.kind === "suspect" || event.kind === "trust") {
      const line = {
        tUs: event.tUs,
        aside: false as const,
        verdict: event.kind,
        node: event.node,
        monitors: [event.monitor],
      };
      this.momentVerdicts.set(`${event.kind}:${event.node}`, line);
      this.add(line);
    } else {
      this.add({ tUs: event.tUs, aside: false, event });
    }
  }

  /** The story so far, its sentences in the terms of `world`. */
  story(world: WorldConfig): Story {
    this.openingLine();
    this.flushTally();
    const render = (line: PendingLine): StoryLine => {
      if ("text" in line) return line;
      if ("failures" in line)
        return { tUs: line.tUs, aside: true, text: failureAside(line.failures) };
      if ("divergent" in line)
        return { tUs: line.tUs, aside: true, text: divergentAside(line.divergent) };
      if ("event" in line)
        return { tUs: line.tUs, aside: false, text: explainSentence(line.event, world) };
      if ("run" in line) return { tUs: line.tUs, aside: false, text: rerouteText(line.run, world) };
      return {
        tUs: line.tUs,
        aside: false,
        text: verdictSentence(line.verdict, line.monitors, line.node, world),
      };
    };
    return {
      lines: this.lines.map(render),
      omitted: this.omitted,
      closing: this.closing.map(render),
    };
  }

  /** The roles every database node starts in, as one line, before the first event after t = 0. */
  private openingLine(): void {
    if (this.initialRoles.length === 0) return;
    this.add({ tUs: 0, aside: false, text: `At the start: ${this.initialRoles.join(", ")}.` });
    this.initialRoles.length = 0;
  }

  /** A main event in a new tenth of a second starts a moment: the writes counted so far are told first. */
  private enterMoment(tUs: number): void {
    const tenths = Math.round(tUs / 100_000);
    if (tenths === this.momentTenths) return;
    this.momentTenths = tenths;
    this.momentVerdicts.clear();
    this.momentEvents.clear();
    this.faultNodes.clear();
    this.flushTally();
  }

  /** Lines that would only repeat what the story has just said. */
  private repeats(event: TraceEvent): boolean {
    const key = JSON.stringify({ ...event, tUs: 0 });
    if (this.momentEvents.has(key)) return true;
    this.momentEvents.add(key);
    if (
      event.kind === "node_down" &&
      (this.faultNodes.has(event.node) || this.faultNodes.has("down"))
    )
      return true;
    if (event.kind === "node_up" && (this.faultNodes.has(event.node) || this.faultNodes.has("up")))
      return true;
    if (event.kind === "role" && this.demoted.has(event.node)) {
      this.demoted.delete(event.node);
      return event.role === "standby";
    }
    return false;
  }

  /** Another monitor changing its verdict on the same node in the same moment joins that line. */
  private joinsVerdict(event: TraceEvent): boolean {
    if (event.kind !== "suspect" && event.kind !== "trust") return false;
    const line = this.momentVerdicts.get(`${event.kind}:${event.node}`);
    if (line === undefined) return false;
    line.monitors.push(event.monitor);
    return true;
  }

  /** A reroute of the same client group to the same target as the line before joins that line. */
  private joinsReroutes(event: TraceEvent): boolean {
    const run = this.reroutes;
    if (
      event.kind !== "reroute" ||
      run === null ||
      run.client !== event.client ||
      run.target !== event.target
    )
      return false;
    run.count++;
    run.lastUs = event.tUs;
    return true;
  }

  /** The promotion's sentence says all the role line before it says ("db2 is now primary"). */
  private dropRoleLine(node: string, tUs: number): void {
    const last = this.lines.at(-1);
    if (
      last !== undefined &&
      "event" in last &&
      last.event.kind === "role" &&
      last.event.node === node &&
      last.event.tUs === tUs
    )
      this.lines.pop();
  }

  private count(event: TraceEvent): void {
    // Issues, replication deliveries and other per-request events tell nothing this summary needs.
    switch (event.kind) {
      case "write_acked":
        this.currentTally().acked++;
        break;
      case "write_failed": {
        const tally = this.currentTally();
        if (tally.failed++ === 0) tally.firstFailureUs = event.tUs;
        tally.lastFailureUs = event.tUs;
        tally.reasons.set(event.reason, (tally.reasons.get(event.reason) ?? 0) + 1);
        break;
      }
      case "write_accepted":
        if (event.divergent) {
          const divergent = this.currentTally().divergent;
          const entry = divergent.get(event.node) ?? {
            count: 0,
            firstUs: event.tUs,
            lastUs: event.tUs,
          };
          entry.count++;
          entry.lastUs = event.tUs;
          divergent.set(event.node, entry);
        }
        break;
    }
  }

  private currentTally(): Tally {
    this.tally ??= {
      firstFailureUs: 0,
      lastFailureUs: 0,
      acked: 0,
      failed: 0,
      reasons: new Map(),
      divergent: new Map(),
    };
    return this.tally;
  }

  /** The writes since the last moment, as asides — only when something went wrong. */
  private flushTally(): void {
    const tally = this.tally;
    this.tally = null;
    if (tally === null) return;
    if (tally.failed > 0) this.add({ tUs: tally.firstFailureUs, aside: true, failures: tally });
    for (const [node, entry] of tally.divergent)
      this.add({ tUs: entry.firstUs, aside: true, divergent: { node, ...entry } });
  }

  private add(line: PendingLine): void {
    if (this.lines.length < maxStoryLines) this.lines.push(line);
    else if (!line.aside) this.omitted++;
  }
}
