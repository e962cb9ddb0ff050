// The world on small hand-built clusters, checked against answers worked out by hand.
// Fixture: db1 primary (east), db2 hot standby (west), monitor mon (west), clients (east)
// writing every 10 ms from t=0; 1 ms one-way latency, no jitter or loss; heartbeats every
// 1 s, timeout 3 s, promotion 1 s, client timeout 1 s.
import { describe, expect, it } from "vitest";
import { simulate, type TraceEvent } from "../../sim/model/index.ts";
import { hot, MS, S, world } from "./world-fixture.ts";

function run(overrides: Parameters<typeof world>[0] = {}) {
  const events: TraceEvent[] = [];
  const summary = simulate(world(overrides), (event) => events.push(event));
  const count = (kind: TraceEvent["kind"], where: (e: TraceEvent) => boolean = () => true) =>
    events.filter((e) => e.kind === kind && where(e)).length;
  const first = <K extends TraceEvent["kind"]>(kind: K) =>
    events.find((e) => e.kind === kind) as Extract<TraceEvent, { kind: K }> | undefined;
  return { events, summary, count, first };
}

const partition = (fromS: number, toS: number) => [
  { atUs: fromS * S, fault: { kind: "partition" as const, groups: [["east"], ["west"]] } },
  { atUs: toS * S, fault: { kind: "heal" as const } },
];

describe("world: primary crash", () => {
  const { first, count, summary } = run({
    faults: [{ atUs: 10 * S, fault: { kind: "crash", node: "db1" } }],
  });

  it("suspects exactly 3 s after the last answer", () => {
    // Last answer: ping at 9 s, pong back at 9.002 s; silence reaches 3 s at 12.002 s.
    expect(first("suspect")).toMatchObject({ tUs: 12.002 * S, monitor: "mon", node: "db1" });
  });

  it("promotes db2 after the promote command's 1 ms trip plus 1 s, and reroutes 2 ms later", () => {
    expect(first("promoted")).toMatchObject({
      tUs: 13.003 * S,
      node: "db2",
      epoch: 2,
      previous: "db1",
      previousAlive: false,
    });
    // promoted: db2 → mon 1 ms; reroute: mon → clients 1 ms.
    expect(first("reroute")).toMatchObject({ tUs: 13.005 * S, target: "db2" });
  });

  it("fails exactly the writes issued from the crash until the reroute", () => {
    // Writes every 10 ms: issued at 10.00 … 13.00 s go to db1 and time out: 301 writes.
    expect(count("write_failed")).toBe(301);
    expect(count("write_issued")).toBe(6000);
    expect(count("write_acked")).toBe(5699);
  });

  it("loses nothing: every acknowledged write had reached db2 1 ms later", () => {
    expect(count("writes_lost")).toBe(0);
    expect(summary.endUs).toBe(61 * S);
  });
});

describe("world: partition with the clients on the old primary's side (split brain)", () => {
  const { first, count, events } = run({ faults: partition(10, 30) });

  it("fails over to db2 while db1 is alive", () => {
    expect(first("promoted")).toMatchObject({ tUs: 13.003 * S, node: "db2", previousAlive: true });
  });

  it("keeps acknowledging writes on db1: no client sees an error", () => {
    expect(count("write_failed")).toBe(0);
  });

  it("counts db1's writes after db2's promotion as divergent", () => {
    // Issued 13.01 s (arrives 13.011, after the promotion at 13.003) … 30.00 s (the reroute
    // reaches the clients at 30.001 s): 1,700 writes.
    expect(count("write_accepted", (e) => e.kind === "write_accepted" && e.divergent)).toBe(1700);
  });

  it("demotes and rewinds db1 after the heal, and loses every write db2 never had", () => {
    // db2 holds writes issued up to 9.99 s; db1 accepted and acknowledged 10.00 … 30.00 s: 2,001 writes.
    expect(first("demoted")).toMatchObject({ node: "db1", epoch: 2 });
    expect(first("rewind")).toMatchObject({ node: "db1", discarded: 2001, discardedAcked: 2001 });
    const lost = first("writes_lost")!;
    expect(lost).toMatchObject({
      node: "db1",
      count: 2001,
      firstUs: 10.001 * S,
      lastUs: 30.001 * S,
    });
    // RPO: from the last write db2 kept (accepted 9.991 s) to the newest lost one (30.001 s).
    expect(lost.rpoUs).toBe(20.01 * S);
    expect(events.at(-1)).toMatchObject({ kind: "run_end", authority: "db2" });
  });
});

describe("world: the same partition with synchronous replication", () => {
  const { count } = run({
    faults: partition(10, 30),
    replication: {
      mode: "sync",
      lagUs: 0,
      shipWindowUs: 0,
      applyDelayUs: 0,
      statusIntervalUs: 1 * S,
      waitFor: 1,
      semiSyncTimeoutUs: 10 * S,
      minInsync: 1,
      lagTimeMaxUs: 30_000_000,
    },
  });

  it("loses no acknowledged write, at the price of failing every write db1 cannot replicate", () => {
    expect(count("writes_lost")).toBe(0);
    // Writes issued 10.00 … 30.00 s reach db1 but never get db2's acknowledgement: 2,001 timeouts.
    expect(count("write_failed")).toBe(2001);
    expect(count("write_accepted", (e) => e.kind === "write_accepted" && e.divergent)).toBe(1700);
  });
});

describe("world: a blip shorter than the detector timeout", () => {
  it("causes no failover; a longer one does", () => {
    const blip = (seconds: number) => [
      {
        atUs: 10 * S,
        fault: { kind: "blip" as const, groups: [["db1"], ["mon"]], durationUs: seconds * S },
      },
    ];
    // The last answer before the blip is the 9.002 s pong; silence reaches 3 s at 12.002 s unless
    // the 12 s ping gets through. A 1.9 s blip heals at 11.9 s: its pong arrives at 12.002 s, the
    // very instant of the deadline, and counts: no suspicion. A 2.5 s blip also swallows the 12 s
    // ping: suspicion at 12.002 s, although 2.5 s < 3 s — heartbeats are 1 s apart.
    expect(run({ faults: blip(1.9) }).count("promoted")).toBe(0);
    expect(run({ faults: blip(2.5) }).count("promoted")).toBe(1);
    expect(run({ faults: blip(4) }).count("promoted")).toBe(1);
  });
});

describe("world: crash and restart before detection", () => {
  it("resumes the old primary without a failover", () => {
    const { count, first } = run({
      faults: [
        { atUs: 10 * S, fault: { kind: "crash", node: "db1" } },
        { atUs: 11 * S, fault: { kind: "restart", node: "db1" } },
      ],
    });
    expect(count("promoted")).toBe(0);
    expect(first("role")).toBeDefined();
    const roles = run({
      faults: [
        { atUs: 10 * S, fault: { kind: "crash", node: "db1" } },
        { atUs: 11 * S, fault: { kind: "restart", node: "db1" } },
      ],
    })
      .events.filter((e) => e.kind === "role" && e.node === "db1")
      .map((e) => (e as { role: string }).role);
    expect(roles).toEqual(["primary", "rejoining", "primary"]);
  });
});

describe("world: determinism", () => {
  it("gives the same fingerprint for the same seed, and a different one for another seed", () => {
    const poisson = (seed: number) =>
      run({
        seed,
        faults: partition(10, 30),
        network: {
          defaults: {
            latency: 2000,
            jitterUs: 1000,
            lossProbability: 0.01,
            bandwidthPerS: Infinity,
            reorder: false,
          },
          overrides: [],
        },
        clients: [
          {
            name: "clients",
            zone: "east",
            writesPerSecond: 100,
            arrivals: "poisson",
            timeoutUs: 1 * S,
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
      }).summary.fingerprint;
    expect(poisson(1)).toBe(poisson(1));
    expect(poisson(1)).not.toBe(poisson(2));
  });
});

describe("world: asynchronous replication with a shipping lag", () => {
  it("loses the acknowledged writes not yet shipped when the primary crashes", () => {
    const { first } = run({
      replication: {
        mode: "async",
        lagUs: 0.1 * S,
        shipWindowUs: 0,
        applyDelayUs: 0,
        statusIntervalUs: 1 * S,
        waitFor: 1,
        semiSyncTimeoutUs: 10 * S,
        minInsync: 1,
        lagTimeMaxUs: 30_000_000,
      },
      faults: [{ atUs: 10 * S, fault: { kind: "crash", node: "db1" } }],
    });
    // A write issued at t is committed at t + 1 ms and shipped at t + 101 ms. Shipped before the
    // crash: t ≤ 9.89 s. Committed (and its ack already on the wire): t ≤ 9.99 s.
    // Lost: t = 9.90 … 9.99 s, 10 writes = 100 writes/s × 0.1 s.
    expect(first("writes_lost")).toMatchObject({
      node: "db1",
      count: 10,
      firstUs: 9.901 * S,
      lastUs: 9.991 * S,
    });
    // RPO: the last write db2 kept was committed at 9.891 s.
    expect(first("writes_lost")!.rpoUs).toBe(0.1 * S);
  });
});

describe("world: several monitors and a quorum", () => {
  const twoMonitors = (quorum: number) => {
    const base = world();
    return run({
      nodes: [...base.nodes, { ...hot, name: "mon2", role: "monitor", zone: "south" }],
      failover: { ...base.failover, quorum },
      // Only the second monitor loses sight of db1.
      faults: [{ atUs: 10 * S, fault: { kind: "partition", groups: [["db1"], ["mon2"]] } }],
    });
  };

  it("fails over on one monitor's suspicion with quorum 1", () => {
    const { first } = twoMonitors(1);
    expect(first("suspect")).toMatchObject({ monitor: "mon2", node: "db1", tUs: 12.002 * S });
    // mon2's verdict reaches the controller (mon) 1 ms later.
    expect(first("failover_start")).toMatchObject({ monitor: "mon", node: "db2", tUs: 12.003 * S });
  });

  it("does not fail over with quorum 2 while the controller still hears db1", () => {
    expect(twoMonitors(2).count("promoted")).toBe(0);
  });
});

describe("world: the controller monitor is down", () => {
  it("no failover happens, and the outage lasts until the primary is back", () => {
    const { count } = run({
      faults: [
        { atUs: 5 * S, fault: { kind: "crash", node: "mon" } },
        { atUs: 10 * S, fault: { kind: "crash", node: "db1" } },
        { atUs: 20 * S, fault: { kind: "restart", node: "db1" } },
      ],
    });
    expect(count("promoted")).toBe(0);
    // db1 restarts as "rejoining" and nobody assigns its role: writes fail to the end (t = 20 … 59.99 s
    // rejected, 10.00 … 19.99 s timed out).
    expect(count("write_failed")).toBe(5000);
  });
});

describe("world: nodes listed in any order", () => {
  // The monitor first and the primary last, with a second standby between: each ping reaches the
  // node it probes, and each pong the monitor, by the nodes' places in the scenario. Health checks
  // match every reply to its probe, so a ping sent to the wrong node fails a probe.
  const [db1, db2, mon] = world().nodes;
  const { first, count } = run({
    nodes: [mon, { ...db2, name: "db3" }, db2, db1],
    detector: {
      kind: "consecutive",
      intervalUs: 1 * S,
      probeTimeoutUs: 500 * MS,
      failures: 2,
      successes: 1,
      intervalJitter: 0,
    },
    faults: [{ atUs: 10.5 * S, fault: { kind: "crash", node: "db1" } }],
  });

  it("suspects only the crashed primary, when its second probe after the crash fails", () => {
    // Probes at 11 s and 12 s go unanswered; the second fails at its deadline, 12.5 s.
    expect(first("suspect")).toMatchObject({ tUs: 12.5 * S, monitor: "mon", node: "db1" });
    expect(count("suspect")).toBe(1);
  });
});
