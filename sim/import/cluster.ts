// The shapes an imported scenario takes, shared by the readers: a primary with standbys watched
// by monitors (Patroni, Sentinel, a StatefulSet, an HAProxy primary/backup pair), or a pool of
// servers behind a health-checking load balancer (a Deployment, an HAProxy backend of equals);
// the clients (an assumed load: no configuration says it); where the default fault lands; and
// the expectations that hold the run to the documented mechanics.
// The crash lands at a moment each seed draws within one round of the detector's clock
// (renewals, pings, checks), about 5 minutes in — a failure comes at a random moment, so a sweep
// over seeds shows the whole documented window; the scenario's comments tell the average case,
// halfway. The run lasts long enough after it for the slowest documented recovery to finish.
import {
  assumed,
  noted,
  plain,
  type Fields,
  type Origin,
  type PlanFault,
  type PlanNode,
} from "./plan.ts";

/** Microseconds per millisecond, second and minute: the model counts time in whole µs. */
export const millisecondUs = 1_000;
export const secondUs = 1_000_000;
const minute = 60 * secondUs;
/** Roughly when the fault strikes: 5 minutes in, after the cluster has settled. */
const faultAroundUs = 5 * minute;
/** Slack of the detection bounds for network delays: 100 ms either way. */
const detectionSlackUs = 100_000;
/** The load the clients put on the cluster, an assumption: configurations do not say it. */
const assumedWrites = "100/s";

/** Nodes a scenario of an imported configuration may have (sim import's limit). */
export const maxImportedNodes = 64;

export interface PrimaryStandbyShape {
  standbys: number;
  standbysOrigin: Origin;
  /** Monitor names, and where they come from. */
  monitors: readonly string[];
  monitorsOrigin: Origin;
}

/** db1 the primary (zone a), db2… the standbys (zone b), the monitors (zone c). */
export function primaryStandbyNodes({
  standbys,
  standbysOrigin,
  monitors,
  monitorsOrigin,
}: PrimaryStandbyShape): PlanNode[] {
  const standbyNodes = Array.from({ length: standbys }, (_, index): PlanNode => ({
    name: `db${index + 2}`,
    role: "standby",
    zone: "b",
    origin: index === 0 ? standbysOrigin : null,
  }));
  const monitorNodes = monitors.map((name, index): PlanNode => ({
    name,
    role: "monitor",
    zone: "c",
    origin: index === 0 ? monitorsOrigin : null,
  }));
  return [
    { name: "db1", role: "primary", zone: "a", origin: null },
    ...standbyNodes,
    ...monitorNodes,
  ];
}

/** `prefix`1…N, servers of one pool (zone a). */
export function poolNodes(count: number, prefix: string, origin: Origin): PlanNode[] {
  return Array.from({ length: count }, (_, index): PlanNode => ({
    name: `${prefix}${index + 1}`,
    role: "server",
    zone: "a",
    origin: index === 0 ? origin : null,
  }));
}

/** The clients: an assumed write load from `zone`, through `routing` when given. */
export function clientFields(zone: string, routing?: Fields): Fields {
  return {
    clients: {
      writes: assumed(assumedWrites, "the configuration says nothing of the load; set yours"),
      zone: plain(zone),
      ...(routing && { routing }),
    },
  };
}

export interface FaultTiming {
  /** The average case: halfway through the round. */
  atUs: number;
  durationUs: number;
  /** The round of the detector's clock the fault falls in: from roundBeforeUs, roundUs long. */
  roundBeforeUs: number;
  roundUs: number;
}

/** The scenario's fault: `node` crashes at a moment drawn from the round (its middle told). */
export function faultOn(node: string, timing: FaultTiming): PlanFault {
  const { atUs, roundBeforeUs, roundUs } = timing;
  return { node, atUs, fromUs: roundBeforeUs, toUs: roundBeforeUs + roundUs };
}

/** The fault halfway between two rounds of a clock ticking every `roundUs` from 0, about 5
 *  minutes in; the run ends at least 5 minutes (or 3 × `recoveryUs`) after it, on a whole minute. */
export function faultTiming(roundUs: number, recoveryUs: number): FaultTiming {
  const rounds = Math.max(1, Math.floor(faultAroundUs / roundUs));
  const roundBeforeUs = rounds * roundUs;
  const atUs = roundBeforeUs + Math.floor(roundUs / 2);
  const durationUs = Math.ceil((atUs + Math.max(5 * minute, 3 * recoveryUs)) / minute) * minute;
  return { atUs, durationUs, roundBeforeUs, roundUs };
}

/** The run's expectations: the failovers the fault must cause, and detection within the
 *  documented window [earliestUs, latestUs] after a crash at any moment (± 100 ms of network). */
export function expectations(
  failovers: number,
  window: { earliestUs: number; latestUs: number } | null,
  source: string,
): Fields {
  const fields: Fields = {
    failovers: noted(
      failovers,
      failovers === 0 ? "nothing is promoted" : "the crash is followed by one failover",
    ),
  };
  if (window === null) return fields;
  const seconds = (us: number) => Math.max(0, us) / secondUs;
  fields.detectionS = {
    min: noted(
      seconds(window.earliestUs - detectionSlackUs),
      `the documented window for ${source}'s values, less 0.1 s`,
    ),
    max: noted(
      seconds(window.latestUs + detectionSlackUs),
      "and its end, plus 0.1 s for the network",
    ),
  };
  return fields;
}
