// A hand-made run for the chart and page tests: db1 primary, db2 standby, monitor mon, one client
// group; a partition from 120 s to 180 s during which mon suspects db1 and db2 is promoted while
// db1 keeps accepting (divergent) writes that are later lost. Built as data, not simulated, so
// the tests pin the charts' structure without depending on the model's numbers.
import type { RunSeries } from "../../sim/metrics/series.ts";
import type { TimelineRow } from "../../sim/metrics/timeline.ts";
import { metricColumns, type MetricValues } from "../../sim/scenario/metric-names.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import type { GroupRow } from "../../sim/metrics/groups.ts";
import { resolveScenario, type Teaching } from "../../sim/scenario/index.ts";

const s = (seconds: number) => Math.round(seconds * 1e6);

export function fixtureTimeline(): TimelineRow[] {
  const row = (
    node: string,
    kind: string,
    state: string,
    start: number,
    end: number,
  ): TimelineRow => ({
    node,
    kind,
    state,
    startUs: s(start),
    endUs: s(end),
  });
  return [
    row("db1", "state", "up", 0, 301),
    row("db1", "role", "primary", 0, 180),
    row("db1", "role", "standby", 180, 301),
    row("db1", "verdict:mon", "trust", 0, 123),
    row("db1", "verdict:mon", "suspect", 123, 180),
    row("db1", "verdict:mon", "trust", 180, 301),
    row("db2", "state", "up", 0, 301),
    row("db2", "role", "standby", 0, 123),
    row("db2", "role", "promoting", 123, 124),
    row("db2", "role", "primary", 124, 301),
    row("db2", "verdict:mon", "trust", 0, 301),
    row("mon", "state", "up", 0, 250),
    row("mon", "state", "down", 250, 301),
  ];
}

export function fixtureEvents(): TraceEvent[] {
  const partition = {
    kind: "partition" as const,
    groups: [
      ["db1", "clients"],
      ["db2", "mon"],
    ],
  };
  return [
    { kind: "role", tUs: 0, node: "db1", role: "primary", epoch: 1 },
    { kind: "fault", tUs: s(120), fault: partition, label: "partition db1,clients | db2,mon" },
    { kind: "suspect", tUs: s(123), monitor: "mon", node: "db1" },
    {
      kind: "promoted",
      tUs: s(124),
      node: "db2",
      epoch: 2,
      previous: "db1",
      previousAlive: true,
      failback: false,
      planned: false,
    },
    { kind: "fault", tUs: s(180), fault: { kind: "heal" }, label: "heal all links" },
    { kind: "rewind", tUs: s(180), node: "db1", discarded: 12, discardedAcked: 11 },
  ];
}

/** 301 buckets of 1 s: writes at 10/s, failing 120–123 s; lag on db2 until 120 s, on db1 after 180 s. */
export function fixtureSeries(): RunSeries {
  const count = 301;
  const acked = Array.from({ length: count }, (_, i) =>
    i >= 120 && i < 123 ? 2 : i < 300 ? 10 : 0,
  );
  const timeout = Array.from({ length: count }, (_, i) => (i >= 120 && i < 123 ? 8 : 0));
  const lag = (from: number, to: number) =>
    Array.from({ length: count }, (_, i) => (i >= from && i < to ? s(0.06) : null));
  const [db2Lag, db1Lag] = [lag(0, 120), lag(181, 301)];
  db1Lag[150] = s(0.5); // a lone sample between gaps
  const events = fixtureEvents();
  return {
    bucketUs: s(1),
    bucketCount: count,
    durationUs: s(300),
    endUs: s(301),
    writes: [
      {
        client: "clients",
        acked,
        failed: [
          { reason: "rejected", counts: new Array(count).fill(0) },
          { reason: "timeout", counts: timeout },
        ],
      },
    ],
    lag: [
      { node: "db2", worstLagUs: db2Lag },
      { node: "db1", worstLagUs: db1Lag },
    ],
    reads: [],
    serverLoad: [],
    dataLoss: {
      divergent: [
        {
          node: "db1",
          counts: Array.from({ length: count }, (_, i) => (i >= 124 && i < 180 ? 10 : 0)),
        },
      ],
      lost: [{ node: "db1", count: 11, firstUs: s(124.5), lastUs: s(179.9) }],
      lostStretchesOmitted: 0,
    },
    faults: {
      periods: [
        {
          kind: "partition",
          label: "partition db1,clients | db2,mon",
          startUs: s(120),
          endUs: s(180),
          repaired: true,
        },
      ],
      omitted: 0,
    },
    promotions: {
      marks: [{ tUs: s(124), node: "db2", previous: "db1", kind: "false failover" }],
      omitted: 0,
    },
    keyEvents: {
      events,
      omitted: 0,
      closing: [{ kind: "run_end", tUs: s(301), authority: "db2" }],
    },
  };
}

export function fixtureMetrics(): MetricValues {
  const metrics = Object.fromEntries(metricColumns.map((column) => [column, 0])) as MetricValues;
  return {
    ...metrics,
    writes_attempted: 3000,
    writes_acked: 2976,
    writes_failed: 24,
    availability: 0.992,
    detection_s: null,
  };
}

export function fixtureRun() {
  return {
    name: "fixture",
    summary: "A partition splits the brain.",
    seed: 7,
    fingerprint: "0123456789abcdef",
    metrics: fixtureMetrics(),
    groups: [] as GroupRow[],
    breaches: [] as string[],
    timeline: fixtureTimeline(),
    events: fixtureEvents(),
    series: fixtureSeries(),
    teaching: fixtureTeaching(),
    world: fixtureWorld(),
  };
}

export function fixtureTeaching(): Teaching {
  return {
    story: "The link between the zones fails; db2 is promoted while db1 keeps taking writes.",
    lesson: "Fence the old primary.",
    questions: [
      { q: "Why were writes lost?", a: "db1 rewound to db2's history." },
      { q: "What would prevent it?", a: "Fencing db1." },
    ],
    keyFigures: ["split_brain_s", "lost_writes", "downtime_s"],
  };
}

/** The cluster the fixture's events happen in: db1 and the clients in east, db2 and mon in west. */
export function fixtureWorld() {
  return resolveScenario(
    {
      name: "fixture",
      summary: "A partition splits the brain.",
      duration: "5m",
      seed: 7,
      nodes: {
        db1: { role: "primary", zone: "east" },
        db2: { role: "standby", zone: "west" },
        mon: { role: "monitor", zone: "west" },
      },
      clients: { writes: "200/s", zone: "east" },
    },
    { file: "fixture.ts" },
  ).world;
}
