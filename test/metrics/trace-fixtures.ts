// Hand-made worlds and traces for the metric tests: a tiny WorldConfig literal and helpers that
// write trace events in seconds (converted to whole microseconds), then put them in time order
// as the world would emit them (stable: events at the same time keep the order written).
import type { TraceEvent, WorldConfig } from "../../sim/model/index.ts";

/** Seconds → whole microseconds. */
export function us(seconds: number): number {
  return Math.round(seconds * 1e6);
}

export function tinyWorld(options: { durationS?: number; flapWindowS?: number } = {}): WorldConfig {
  const node = (name: string, role: "primary" | "standby" | "monitor", costPerHour: number) => ({
    name,
    role,
    zone: "z",
    readiness: "hot" as const,
    promoteInUs: us(1),
    costPerHour,
    applyRatePerS: Infinity,
    applyEveryUs: 0,
    warmUpUs: 0,
    warmUpCapacity: 1,
    bootInUs: 0,
    restoreInUs: 0,
    backupEveryUs: us(3600),
    archiveEveryUs: 0,
    capacityPerS: Infinity,
    queueLimitUs: us(5),
    restart: {
      policy: "never" as const,
      initialUs: 10_000_000,
      maxUs: 300_000_000,
      resetAfterUs: 600_000_000,
    },
    serves: null,
    autoscale: null,
  });
  return {
    name: "tiny",
    seed: 1,
    durationUs: us(options.durationS ?? 10),
    nodes: [
      node("db1", "primary", 4),
      node("db2", "standby", 2.5),
      node("db3", "standby", 1),
      node("mon", "monitor", 0.5),
    ],
    network: {
      defaults: {
        latency: 1000,
        jitterUs: 0,
        lossProbability: 0,
        bandwidthPerS: Infinity,
        reorder: false,
      },
      overrides: [],
    },
    replication: {
      mode: "async",
      lagUs: 0,
      shipWindowUs: 0,
      applyDelayUs: 50_000,
      statusIntervalUs: us(1),
      waitFor: 1,
      semiSyncTimeoutUs: us(10),
      minInsync: 1,
      lagTimeMaxUs: 30_000_000,
    },
    detector: { kind: "timeout", intervalUs: us(1), timeoutUs: us(3), intervalJitter: 0 },
    failover: {
      automatic: true,
      quorum: 1,
      fencing: "none",
      failback: "never",
      rejoin: "standby",
      rewindInUs: 30_000_000,
      flapWindowUs: us(options.flapWindowS ?? 60),
      maxLagOnFailoverUs: Infinity,
      holdDownUs: 300 * 1e6,
      blockForUs: 0,
      crossZone: true,
      uncleanElection: false,
      lease: { ttlUs: 30 * 1e6, renewEveryUs: 10 * 1e6, retryTimeoutUs: 10 * 1e6 },
      stonith: {
        delayUs: 0,
        durationUs: 5 * 1e6,
        timeoutUs: 60 * 1e6,
        failureProbability: 0,
        maxAttempts: 10,
        recheckIntervalUs: 900_000_000,
      },
      minReplicas: 1,
      minReplicasMaxLagUs: 10 * 1e6,
      operator: null,
    },
    clients: [
      {
        name: "app",
        zone: "z",
        writesPerSecond: 10,
        arrivals: "uniform",
        timeoutUs: us(1),
        routing: { kind: "proxy" },
        connections: 1,
        retries: 0,
        backoffUs: 0,
        reconnectUs: 0,
        readsPerSecond: 0,
        readFrom: "primary",
        readRecheckUs: 10_000_000,
        sessions: null,
        breaker: null,
      },
    ],
    faults: [],
  };
}

/** Stable sort by time: the order in which the world would emit these events. */
export function timeOrdered(events: TraceEvent[]): TraceEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.tUs - b.event.tUs || a.index - b.index)
    .map(({ event }) => event);
}

/** Issue, then ack `ackAfterS` later or fail `failAfterS` later (a timeout), for one write. */
export function write(
  id: number,
  issuedS: number,
  outcome: "ack" | "fail",
  { ackAfterS = 0.002, failAfterS = 1, client = "app" } = {},
): TraceEvent[] {
  const issuedUs = us(issuedS);
  const issued: TraceEvent = { kind: "write_issued", tUs: issuedUs, client, id };
  if (outcome === "ack") {
    return [issued, { kind: "write_acked", tUs: issuedUs + us(ackAfterS), client, id, issuedUs }];
  }
  return [
    issued,
    {
      kind: "write_failed",
      tUs: issuedUs + us(failAfterS),
      client,
      id,
      issuedUs,
      reason: "timeout",
    },
  ];
}

/** Writes 0..count-1, issued every `spacingS` from 0; those in `failing` time out. */
export function writeSeries(
  count: number,
  spacingS: number,
  failing: (id: number) => boolean,
): TraceEvent[] {
  const events: TraceEvent[] = [];
  for (let id = 0; id < count; id++)
    events.push(...write(id, id * spacingS, failing(id) ? "fail" : "ack"));
  return events;
}

/** The initial roles the world emits at t=0. */
export function initialRoles(): TraceEvent[] {
  return [
    { kind: "role", tUs: 0, node: "db1", role: "primary", epoch: 1 },
    { kind: "role", tUs: 0, node: "db2", role: "standby", epoch: 1 },
    { kind: "role", tUs: 0, node: "db3", role: "standby", epoch: 1 },
  ];
}

export function runEnd(atS: number): TraceEvent {
  return { kind: "run_end", tUs: us(atS), authority: "db1" };
}

export function crash(node: string, atS: number): TraceEvent {
  return { kind: "fault", tUs: us(atS), fault: { kind: "crash", node }, label: `crash ${node}` };
}

export function heal(atS: number): TraceEvent {
  return { kind: "fault", tUs: us(atS), fault: { kind: "heal" }, label: "heal all links" };
}

export function partition(atS: number): TraceEvent {
  return {
    kind: "fault",
    tUs: us(atS),
    fault: { kind: "partition", groups: [["db1"], ["db2"]] },
    label: "partition db1 | db2",
  };
}

export function promoted(
  node: string,
  atS: number,
  extra: {
    previous?: string;
    previousAlive?: boolean;
    failback?: boolean;
    planned?: boolean;
    epoch?: number;
  } = {},
): TraceEvent {
  return {
    kind: "promoted",
    tUs: us(atS),
    node,
    epoch: extra.epoch ?? 2,
    previous: extra.previous ?? "db1",
    previousAlive: extra.previousAlive ?? false,
    failback: extra.failback ?? false,
    planned: extra.planned ?? false,
  };
}

export function role(
  node: string,
  atS: number,
  value: "primary" | "standby" | "promoting" | "rejoining",
  epoch = 1,
): TraceEvent {
  return { kind: "role", tUs: us(atS), node, role: value, epoch };
}
