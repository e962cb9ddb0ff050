// How a deposed primary comes back (failover.rejoin, sim/model/rejoin/): each mode's timeline
// against a hand computation. The cluster: db1 primary, db2 hot standby, one monitor; every
// message takes exactly 1 ms; the monitor's rounds are at whole seconds, its timeout 3 s; async
// replication ships 200 ms after commit, so db1 dies holding writes db2 never got (its log
// diverges). db1 crashes at 20.5 s — db2 is promoted — and restarts at 40 s:
//   40.000  restart: db1 "rejoining" (the round at 40 s comes after the restart)
//   40.001  the monitor's ping reaches db1; 40.002 its answer (rejoining, epoch 1) reaches the
//           monitor, which orders db1 to follow db2; 40.003 the order reaches db1.
// From 40.003: standby follows at once; rewind after rewindIn (30 s) → 70.003; rebuild after the
// node's restoreIn (2 min) → 160.003; manual after the operator's delay (45 s) → 85.003. A rewind
// with nothing diverged (no writes) follows at once, and a planned failback's old primary
// follows at once whatever the mode.
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../sim/model/index.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { at, crash, defineScenario, restart, type FailoverSpec } from "../../sim/scenario/index.ts";

function scenario(failover: FailoverSpec, writes = "100/s") {
  return defineScenario({
    name: "rejoin",
    summary: "db1 crashes, db2 takes over, db1 comes back as its rejoin mode says.",
    duration: "200s",
    nodes: {
      db1: { role: "primary", zone: "a", restoreIn: "2m" },
      db2: { role: "standby", zone: "b" },
      mon: { role: "monitor", zone: "c" },
    },
    network: { latency: "1ms", jitter: "0s" },
    detector: { interval: "1s", timeout: "3s" },
    replication: { lag: "200ms" },
    failover,
    clients: { writes: writes as "100/s", arrivals: "uniform" },
    faults: [at("20.5s", crash("db1")), at("40s", restart("db1"))],
  });
}

/** db1's role changes after its restart, and its rejoin events, as [time in s, what]. */
function db1After(failover: FailoverSpec, writes?: string): [number, string][] {
  const seen: [number, string][] = [];
  const record = (event: TraceEvent) => {
    if (!("node" in event) || event.node !== "db1" || event.tUs < 40_000_000) return;
    if (event.kind === "role") seen.push([event.tUs / 1e6, event.role]);
    if (event.kind === "rejoin")
      seen.push([event.tUs / 1e6, `rejoin ${event.mode} until ${event.untilUs / 1e6}`]);
  };
  runScenario(scenario(failover, writes), { onTrace: record });
  return seen;
}

describe("failover.rejoin: a deposed primary's timeline", () => {
  it("standby (the default): follows db2 as soon as the order arrives, 40.003 s", () => {
    expect(db1After({})).toEqual([
      [40, "rejoining"],
      [40.003, "standby"],
    ]);
  });

  it("rewind: its diverged log is rewound for rewindIn (30 s), then it follows at 70.003 s", () => {
    expect(db1After({ rejoin: "rewind", rewindIn: "30s" })).toEqual([
      [40, "rejoining"],
      [40.003, "rejoin rewind until 70.003"],
      [70.003, "standby"],
    ]);
  });

  it("rewind with nothing diverged (no writes): follows at once", () => {
    expect(db1After({ rejoin: "rewind", rewindIn: "30s" }, "0/s")).toEqual([
      [40, "rejoining"],
      [40.003, "standby"],
    ]);
  });

  it("rebuild: a full copy in the node's restoreIn (2 min), then it follows at 160.003 s", () => {
    expect(db1After({ rejoin: "rebuild" })).toEqual([
      [40, "rejoining"],
      [40.003, "rejoin rebuild until 160.003"],
      [160.003, "standby"],
    ]);
  });

  it("manual: the operator puts it back after the operator's delay (45 s), at 85.003 s", () => {
    expect(db1After({ rejoin: "manual", operator: { delay: "45s" } })).toEqual([
      [40, "rejoining"],
      [40.003, "rejoin manual until 85.003"],
      [85.003, "standby"],
    ]);
  });

  it("manual without an operator is refused, naming the field", () => {
    expect(() => runScenario(scenario({ rejoin: "manual" }), { file: "rejoin.ts" })).toThrow(
      /failover\.operator: expected an operator .* to put a deposed primary back by hand/,
    );
  });

  it("a planned failback's old primary follows at once, even under rebuild", () => {
    const roles: [number, string, string][] = [];
    runScenario(scenario({ rejoin: "rebuild", failback: "immediate" }), {
      onTrace: (event) => {
        if (event.kind === "role" && event.tUs > 160_000_000)
          roles.push([event.tUs / 1e6, event.node, event.role]);
        if (event.kind === "rejoin") roles.push([event.tUs / 1e6, event.node, "rejoin"]);
      },
    });
    // db1 is rebuilt (160.003 s), then takes its role back; db2 hands it over and follows db1
    // without a rebuild of its own: its only rejoin-free way back is a standby at once.
    expect(roles.filter(([, node, what]) => node === "db2" && what === "rejoin")).toEqual([]);
    const db2Standby = roles.find(([, node, role]) => node === "db2" && role === "standby");
    const db1Primary = roles.find(([, node, role]) => node === "db1" && role === "primary");
    expect(db1Primary).toBeDefined();
    expect(db2Standby).toBeDefined();
    expect(db2Standby![0] - db1Primary![0]).toBeLessThan(0.01);
  });
});
