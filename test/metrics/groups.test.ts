// Per client group: what each group felt, and the worst group in the summary. First from hand-made
// traces, then on a partition worked out by hand.
//
// The partition (the cluster of hand-computed.test.ts: db1 primary in east, db2 hot standby and
// the monitor in west, 1 ms per message, heartbeats every 1 s, timeout 3 s, promotion 1 s): two
// client groups write 100 times a second each, evenly spaced, for 60 s — "east-app" beside db1
// and "west-app" beside db2, each through its own proxy. The zones are cut apart from 10 s to 30 s.
//   east: keeps writing to db1, which is alive and still primary in its eyes; it is told of db2
//         only when the partition heals (30.001 s) — every write acknowledged: availability 1,
//         downtime 0 (the writes db1 took alone are lost later, but east never saw an error);
//   west: its writes to db1 time out from 10.00 s; mon suspects db1 at 12.002 s, db2 is promoted
//         at 13.003 s and west's proxy hears of it at 13.005 s: the writes issued 10.00 … 13.00 s
//         fail, 301 of them, each owning 10 ms of west's own time → downtime 3.01 s,
//         availability 5,699 / 6,000.
// So min_group_availability = 5,699 / 6,000 and max_group_downtime_s = 3.01 — while the run's
// availability, over both groups, is 11,699 / 12,000.
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { summarize, SummaryObserver } from "../../sim/metrics/summary.ts";
import { at, defineScenario, heal, partition } from "../../sim/scenario/index.ts";
import { initialRoles, runEnd, timeOrdered, tinyWorld, write } from "./trace-fixtures.ts";

const twoGroups = () => {
  const world = tinyWorld();
  const [app] = world.clients;
  world.clients = [app, { ...app, name: "batch", zone: "y" }];
  return world;
};

describe("group rows from a trace", () => {
  it("with one group, the group is the run", () => {
    // Writes at 1 … 4 s, the one at 2 s fails: downtime [2, 3) = 1 s, availability 3/4.
    const observer = new SummaryObserver(tinyWorld());
    const trace = timeOrdered([
      ...initialRoles(),
      ...[1, 2, 3, 4].flatMap((s) => write(s, s, s === 2 ? "fail" : "ack")),
      runEnd(11),
    ]);
    for (const event of trace) observer.observe(event);
    const [row] = observer.groupRows();
    expect(row).toMatchObject({
      group: "app",
      zone: "z",
      writes: { attempted: 4, acked: 3, failed: 1, availability: 0.75 },
      downtimeS: 1,
    });
    expect(observer.values()).toMatchObject({
      min_group_availability: 0.75,
      max_group_downtime_s: 1,
    });
  });

  it("with several, each group's downtime is on its own writes", () => {
    // app writes at 1, 2, 3 s (2 fails); batch at 1.5 and 2.5 s (1.5 fails). In the run's order the
    // failed writes own [1.5, 2) and [2, 2.5): 1 s. In app's own order, [2, 3): 1 s; in batch's,
    // [1.5, 2.5): 1 s. Availability: app 2/3, batch 1/2 → the worst group is batch.
    const trace = timeOrdered([
      ...initialRoles(),
      ...write(1, 1, "ack"),
      ...write(2, 2, "fail"),
      ...write(3, 3, "ack"),
      ...write(11, 1.5, "fail", { client: "batch" }),
      ...write(12, 2.5, "ack", { client: "batch" }),
      runEnd(11),
    ]);
    const observer = new SummaryObserver(twoGroups());
    for (const event of trace) observer.observe(event);
    const [app, batch] = observer.groupRows();
    expect(app).toMatchObject({
      group: "app",
      writes: { attempted: 3, acked: 2, failed: 1 },
      downtimeS: 1,
    });
    expect(batch).toMatchObject({
      group: "batch",
      zone: "y",
      writes: { attempted: 2, acked: 1, failed: 1, availability: 0.5 },
      downtimeS: 1,
    });
    const values = observer.values();
    expect(values.min_group_availability).toBe(0.5);
    expect(values.max_group_downtime_s).toBe(1);
    expect(values.downtime_s).toBe(1);
  });

  it("a group's last failed write owns the time until the end of the run", () => {
    // batch's only write, at 8 s, fails: it owns [8, 10) of a 10 s run.
    const trace = timeOrdered([
      ...initialRoles(),
      ...write(1, 1, "ack"),
      ...write(2, 8, "fail", { client: "batch" }),
      runEnd(11),
    ]);
    expect(summarize(twoGroups(), trace).max_group_downtime_s).toBe(2);
  });

  it("has no worst group without client groups", () => {
    const world = tinyWorld();
    world.clients = [];
    const values = summarize(world, [...initialRoles(), runEnd(11)]);
    expect([values.min_group_availability, values.max_group_downtime_s]).toEqual([null, null]);
  });
});

describe("hand-computed groups: the clients stranded on the far side of a partition", () => {
  const result = runScenario(
    defineScenario({
      name: "groups",
      summary: "hand-computed groups",
      duration: "60s",
      nodes: {
        db1: { role: "primary", zone: "east" },
        db2: { role: "standby", zone: "west", promoteIn: "1s" },
        mon: { role: "monitor", zone: "west" },
      },
      network: { latency: "1ms", jitter: "0ms", loss: 0 },
      replication: { mode: "async", lag: "0ms", applyDelay: "0ms" },
      detector: { kind: "timeout", interval: "1s", timeout: "3s" },
      clients: [
        { name: "east-app", writes: "100/s", zone: "east", arrivals: "uniform", timeout: "1s" },
        { name: "west-app", writes: "100/s", zone: "west", arrivals: "uniform", timeout: "1s" },
      ],
      faults: [at("10s", partition(["east"], ["west"])), at("30s", heal())],
    }),
    { file: "groups.ts" },
  );

  it("one row per group, as each felt it", () => {
    const [east, west] = result.groups;
    expect(east).toMatchObject({
      group: "east-app",
      zone: "east",
      writes: { attempted: 6000, acked: 6000, failed: 0, availability: 1 },
      downtimeS: 0,
    });
    expect(west).toMatchObject({
      group: "west-app",
      zone: "west",
      writes: { attempted: 6000, acked: 5699, failed: 301 },
    });
    expect(west.downtimeS).toBeCloseTo(3.01, 9);
  });

  it("the summary's worst group is the stranded one", () => {
    const m = result.metrics;
    expect(m.min_group_availability).toBeCloseTo(5699 / 6000, 12);
    expect(m.max_group_downtime_s).toBeCloseTo(3.01, 9);
    expect(m.availability).toBeCloseTo(11699 / 12000, 12);
  });
});
