// A fault episode: one disturbance the fuzzer draws and the shrinker reduces — a fault and its
// repair (crash then restart, partition then heal, skew then skew back, slow then back to speed,
// read-only then writable, a zone outage then its restore), or a fault that ends by itself
// (blip, pause, loss, delay or flaky links for a while). An episode whose repair the shrinker dropped lasts to
// the end of the run. A schedule is a list of episodes; scheduleEntries turns it into the
// scenario's `faults`, the same data a reproducer file writes with at(…) calls.
// Assumption: heal() restores every cut link, so a partition's heal also ends any other cut in
// force at that moment — the schedule is what it says, overlaps included.
import { at, blip, clockSkew, crash, delay, flaky, heal, isolate, loss, oneWay, partition, pause, readOnly, restart, slow, writable, zoneOutage, zoneRestore } from "../scenario/index.ts";
import type { Duration, FaultSpec, ScheduledFaultSpec } from "../scenario/index.ts";
import { durationText } from "../dsl/index.ts";

export type EpisodeFault =
  | { kind: "crash"; node: string }
  | { kind: "pause"; node: string }
  /** Cut between two groups of names (nodes, client groups or zones) until heal(). */
  | { kind: "partition"; groups: string[][] }
  /** The same cut, healing itself after the episode's length. */
  | { kind: "blip"; groups: string[][] }
  | { kind: "isolate"; target: string }
  | { kind: "one-way"; from: string[]; to: string[] }
  /** Messages on the target's links are lost with `probability` for the episode's length. */
  | { kind: "loss"; target: string; probability: number }
  /** The clock runs at `rate` after jumping by `jumpUs`; the repair undoes both. */
  | { kind: "clock-skew"; node: string; rate: number; jumpUs: number }
  /** Messages on the target's links take `extraUs` longer for the episode's length. */
  | { kind: "delay"; target: string; extraUs: number }
  /** The target's links fail for `downUs`, work for `upUs`, over and over, for the episode's length. */
  | { kind: "flaky"; target: string; downUs: number; upUs: number }
  /** Gray failure: the node handles every write `delayUs` late; the repair ends it. */
  | { kind: "slow"; node: string; delayUs: number }
  /** The node cannot commit (a full disk); the repair makes it writable again. */
  | { kind: "read-only"; node: string }
  /** Every node of the zone crashes; the repair restarts them. */
  | { kind: "zone-outage"; zone: string };

export type EpisodeKind = EpisodeFault["kind"];

export interface Episode {
  fault: EpisodeFault;
  startUs: number;
  lengthUs: number;
  /** false: the repair was dropped, the fault lasts to the end of the run (repairable kinds only). */
  repaired: boolean;
}

/** Kinds whose end is a separate fault entry (restart, heal, skew back), which can be dropped. */
export function hasRepairEntry(kind: EpisodeKind): boolean {
  return repairedByEntry[kind];
}

const repairedByEntry: Record<EpisodeKind, boolean> = {
  crash: true,
  pause: false,
  partition: true,
  blip: false,
  isolate: true,
  "one-way": true,
  loss: false,
  "clock-skew": true,
  delay: false,
  flaky: false,
  slow: true,
  "read-only": true,
  "zone-outage": true,
};

/** Fault entries (at(…) lines) the episode takes in a scenario. */
export function entryCount(episode: Episode): number {
  return hasRepairEntry(episode.fault.kind) && episode.repaired ? 2 : 1;
}

/** When the episode's disturbance is over; null when it lasts to the end of the run. */
export function episodeEndUs(episode: Episode): number | null {
  return episode.repaired ? episode.startUs + episode.lengthUs : null;
}

/** When the last episode is over; null when one lasts to the end of the run (or there is none). */
export function lastEndUs(schedule: readonly Episode[]): number | null {
  let last: number | null = null;
  for (const episode of schedule) {
    const end = episodeEndUs(episode);
    if (end === null) return null;
    last = Math.max(last ?? 0, end);
  }
  return last;
}

const text = durationText;
const signedText = (us: number): Duration | `-${Duration}` => (us < 0 ? `-${durationText(-us)}` : durationText(us));

/** The scenario `faults` of a schedule, in time order (entries at the same time keep schedule order). */
export function scheduleEntries(schedule: readonly Episode[]): ScheduledFaultSpec[] {
  const timed = schedule.flatMap((episode) => episodeEntries(episode));
  return timed
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => a.atUs - b.atUs || a.order - b.order)
    .map(({ atUs, fault }) => at(text(atUs), fault));
}

function episodeEntries(episode: Episode): { atUs: number; fault: FaultSpec }[] {
  const { fault, startUs, lengthUs } = episode;
  const start = (spec: FaultSpec) => ({ atUs: startUs, fault: spec });
  const repair = (spec: FaultSpec) => (episode.repaired ? [{ atUs: startUs + lengthUs, fault: spec }] : []);
  switch (fault.kind) {
    case "crash":
      return [start(crash(fault.node)), ...repair(restart(fault.node))];
    case "pause":
      return [start(pause(fault.node, text(lengthUs)))];
    case "partition":
      return [start(partition(...fault.groups)), ...repair(heal())];
    case "blip":
      return [start(blip(text(lengthUs), ...fault.groups))];
    case "isolate":
      return [start(isolate(fault.target)), ...repair(heal())];
    case "one-way":
      return [start(oneWay(fault.from, fault.to)), ...repair(heal())];
    case "loss":
      return [start(loss(fault.target, fault.probability, { for: text(lengthUs) }))];
    case "clock-skew": {
      const skew = { rate: fault.rate, ...(fault.jumpUs !== 0 && { jump: signedText(fault.jumpUs) }) };
      const back = { rate: 1, ...(fault.jumpUs !== 0 && { jump: signedText(-fault.jumpUs) }) };
      return [start(clockSkew(fault.node, skew)), ...repair(clockSkew(fault.node, back))];
    }
    case "delay":
      return [start(delay(fault.target, text(fault.extraUs), { for: text(lengthUs) }))];
    case "flaky":
      return [start(flaky(fault.target, { down: text(fault.downUs), up: text(fault.upUs), for: text(lengthUs) }))];
    case "slow":
      return [start(slow(fault.node, text(fault.delayUs))), ...repair(slow(fault.node, "0s"))];
    case "read-only":
      return [start(readOnly(fault.node)), ...repair(writable(fault.node))];
    case "zone-outage":
      return [start(zoneOutage(fault.zone)), ...repair(zoneRestore(fault.zone))];
    default: {
      const unknown: never = fault;
      throw new Error(`unknown episode ${JSON.stringify(unknown)}`);
    }
  }
}
