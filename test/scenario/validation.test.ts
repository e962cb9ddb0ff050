// Every rule of the scenario schema and of resolution, each asserting that the message names the
// file, the field and what was expected.
import { describe, expect, it } from "vitest";
import { resolveScenario } from "../../sim/scenario/index.ts";
import { baseScenario, expectMessage, file, scenarioErrorOf } from "./scenario-helpers.ts";

function errorFor(change: (scenario: Record<string, any>) => void, seed?: number) {
  const scenario: Record<string, any> = baseScenario();
  change(scenario);
  return scenarioErrorOf(() =>
    resolveScenario(scenario, seed === undefined ? { file } : { file, seed }),
  );
}

describe("shape", () => {
  it("the default export must be an object", () => {
    const error = scenarioErrorOf(() => resolveScenario(5, { file }));
    expect(error.message).toBe(
      `${file}: (the scenario): expected a scenario made with defineScenario({...}) with the keys name, summary, duration, seed, nodes, network, policy, replication, detector, failover, clients, faults, chaos, expect, story, lesson, questions, keyFigures, got 5.`,
    );
  });

  it("an unknown key names the key, lists the allowed ones and guesses the intended one", () => {
    const error = errorFor((s) => (s.detector = { timeoutt: "3s" }));
    expect(error.message).toBe(
      `${file}: detector.timeoutt: expected a key of detector: kind, interval, timeout, probeTimeout, failures, successes, threshold, minStdDev, acceptablePause, maxSamples or intervalJitter, got unknown key "timeoutt" (did you mean "timeout"?).`,
    );
  });

  it("an unknown top-level key", () => {
    expectMessage(
      errorFor((s) => (s.fault = [])),
      "fault",
      "a key of the scenario: name, summary",
      `(did you mean "faults"?)`,
    );
  });

  it("an unknown key inside a node", () => {
    expectMessage(
      errorFor((s) => (s.nodes.db2.zon = "x")),
      "nodes.db2.zon",
      "role, zone, readiness, promoteIn, costPerHour, applyRate",
      `unknown key "zon"`,
    );
  });

  it("a missing required field", () => {
    expectMessage(
      errorFor((s) => delete s.summary),
      "summary",
      "a one-line summary",
      "got nothing",
    );
  });

  it("the name must fit a folder", () => {
    expectMessage(
      errorFor((s) => (s.name = "Split Brain")),
      "name",
      "the name rule",
      `got "Split Brain"`,
    );
    expectMessage(
      errorFor((s) => (s.name = "-rf")),
      "name",
      "the name rule",
      `got "-rf"`,
    );
  });
});

describe("durations and rates", () => {
  it("a malformed duration quotes what was written", () => {
    const error = errorFor((s) => (s.detector = { timeout: "5 sex" }));
    expect(error.message).toBe(
      `${file}: detector.timeout: expected a duration like "250ms", "3s", "5m" (units: us, ms, s, m, h, d), got "5 sex".`,
    );
  });

  it("a negative duration", () => {
    expectMessage(
      errorFor((s) => (s.replication = { lag: "-3s" })),
      "replication.lag",
      "not negative",
      `got "-3s"`,
    );
  });

  it("a number where a duration belongs", () => {
    expectMessage(
      errorFor((s) => (s.duration = 600)),
      "duration",
      "a duration like",
      "got 600",
    );
  });

  it("duration must be more than 0 and at most 400d", () => {
    expectMessage(
      errorFor((s) => (s.duration = "0s")),
      "duration",
      "greater than zero",
    );
    expectMessage(
      errorFor((s) => (s.duration = "401d")),
      "duration",
      `at most "400d"`,
      `got "401d"`,
    );
  });

  it("timeout and interval must be more than 0", () => {
    expectMessage(
      errorFor((s) => (s.detector = { timeout: "0ms" })),
      "detector.timeout",
      "greater than zero",
      `got "0ms"`,
    );
    expectMessage(
      errorFor((s) => (s.detector = { interval: "0s" })),
      "detector.interval",
      "greater than zero",
    );
  });

  it("a malformed rate", () => {
    expectMessage(
      errorFor((s) => (s.clients = { writes: "200 per second" })),
      "clients.writes",
      `a rate like "200/s"`,
      `got "200 per second"`,
    );
  });
});

describe("nodes", () => {
  it("exactly one primary", () => {
    expectMessage(
      errorFor((s) => (s.nodes.db1.role = "standby")),
      "nodes",
      `exactly one node with role "primary"`,
      "got none",
    );
    expectMessage(
      errorFor((s) => (s.nodes.db2.role = "primary")),
      "nodes",
      `exactly one node with role "primary"`,
      "got 2 (db1, db2)",
    );
  });

  it("at least one monitor", () => {
    expectMessage(
      errorFor((s) => delete s.nodes.mon),
      "nodes",
      `at least one node with role "monitor"`,
      "got none",
    );
  });

  it("an unknown role", () => {
    expectMessage(
      errorFor((s) => (s.nodes.db2.role = "replica")),
      "nodes.db2.role",
      `"primary", "standby", "monitor", "witness" or "server"`,
      `got "replica"`,
    );
  });

  it("readiness is hot, warm or cold, and only on a standby", () => {
    expectMessage(
      errorFor((s) => (s.nodes.db2.readiness = "tepid")),
      "nodes.db2.readiness",
      `"hot", "warm" or "cold"`,
      `got "tepid"`,
    );
    expectMessage(
      errorFor((s) => (s.nodes.db1.readiness = "cold")),
      "nodes.db1.readiness",
      "no readiness on a primary",
    );
  });

  it("apply rates, warm-up capacity and lag limits", () => {
    expectMessage(
      errorFor((s) => (s.nodes.db2.applyRate = "fast")),
      "nodes.db2.applyRate",
      `"unlimited"`,
      `got "fast"`,
    );
    expectMessage(
      errorFor((s) => (s.nodes.db2.warmUpCapacity = 2)),
      "nodes.db2.warmUpCapacity",
      "a fraction from 0 to 1",
    );
    expectMessage(
      errorFor((s) => (s.failover = { maxLagOnFailover: "soon" })),
      "failover.maxLagOnFailover",
      `or "unlimited"`,
    );
    expectMessage(
      errorFor((s) => (s.network = { bandwidth: "0/s" })),
      "network.bandwidth",
      `a rate above zero`,
    );
  });

  it("a synchronous mode needs enough running standbys", () => {
    expectMessage(
      errorFor((s) => (s.replication = { mode: "sync", waitFor: 2 })),
      "replication.waitFor",
      "running (hot or warm) standbys, 1",
    );
    expectMessage(
      errorFor((s) => ((s.nodes.db2.readiness = "cold"), (s.replication = { mode: "semi-sync" }))),
      "replication.mode",
      "standbys, 0",
    );
  });

  it("node names start with a letter", () => {
    expectMessage(
      errorFor((s) => (s.nodes["2db"] = { role: "standby" })),
      "nodes.2db",
      'the name rule: letters, digits, "-" and "_", starting with a letter',
      `got "2db"`,
    );
  });

  it("a zone may not share a node's name", () => {
    expectMessage(
      errorFor((s) => (s.nodes.db2.zone = "db1")),
      "nodes.db2.zone",
      "not also a node or client group name",
      `got "db1"`,
    );
  });

  it("a negative cost", () => {
    expectMessage(
      errorFor((s) => (s.nodes.db2.costPerHour = -1)),
      "nodes.db2.costPerHour",
      "a cost of 0 or more",
      "got -1",
    );
  });
});

describe("network", () => {
  it("jitter ≤ latency", () => {
    expectMessage(
      errorFor((s) => (s.network = { latency: "2ms", jitter: "3ms" })),
      "network.jitter",
      "no larger than the latency (2ms)",
      `got "3ms"`,
    );
  });

  it("jitter ≤ latency on a link, against the default latency when the link sets none", () => {
    expectMessage(
      errorFor((s) => (s.network = { links: { "east<->west": { jitter: "2ms" } } })),
      "network.links.east<->west.jitter",
      "(1ms)",
    );
  });

  it("a link latency below the jitter it inherits", () => {
    expectMessage(
      errorFor((s) => (s.network = { links: { "db1->db2": { latency: "0.1ms" } } })),
      "network.links.db1->db2.latency",
      "the jitter it inherits (500us)",
    );
  });

  it("loss is a probability", () => {
    expectMessage(
      errorFor((s) => (s.network = { loss: 1.5 })),
      "network.loss",
      "a probability from 0 to 1",
      "got 1.5",
    );
    expectMessage(
      errorFor((s) => (s.network = { links: { "db1->db2": { loss: -0.1 } } })),
      "network.links.db1->db2.loss",
      "a probability from 0 to 1",
    );
  });

  it("a malformed link key", () => {
    expectMessage(
      errorFor((s) => (s.network = { links: { "east-west": {} } })),
      "network.links.east-west",
      `"east<->west" (both ways) or "db1->db2" (one way)`,
      `got "east-west"`,
    );
  });

  it("a link naming something unknown", () => {
    expectMessage(
      errorFor((s) => (s.network = { links: { "east<->north": {} } })),
      "network.links.east<->north",
      "db1, db2, mon, clients, east, west",
      `unknown name "north"`,
    );
  });
});

describe("policy", () => {
  it("quorum is between 1 and the number of monitors", () => {
    expectMessage(
      errorFor((s) => (s.failover = { quorum: 2 })),
      "failover.quorum",
      "a whole number from 1 to 1 (the number of monitors and witnesses)",
      "got 2",
    );
    expectMessage(
      errorFor((s) => (s.failover = { quorum: 0 })),
      "failover.quorum",
      "at least 1",
      "got 0",
    );
    expectMessage(
      errorFor((s) => (s.failover = { quorum: 1.5 })),
      "failover.quorum",
      "whole number",
      "got 1.5",
    );
  });

  it("choices list every option", () => {
    expectMessage(
      errorFor((s) => (s.failover = { fencing: "shoot" })),
      "failover.fencing",
      `expected "none", "stonith", "epoch", "lease" or "min-replicas", got "shoot"`,
    );
    expectMessage(
      errorFor((s) => (s.failover = { failback: "auto" })),
      "failover.failback",
      `expected "never", "immediate", "hold-down" or "manual"`,
    );
    expectMessage(
      errorFor((s) => (s.detector = { kind: "gossip" })),
      "detector.kind",
      `expected "timeout", "consecutive", "phi" or "lease"`,
    );
    expectMessage(
      errorFor((s) => (s.clients = { writes: "1/s", routing: "dns" })),
      "clients.routing",
      `expected "proxy"`,
    );
  });

  it("replication mode and arrivals", () => {
    expectMessage(
      errorFor((s) => (s.replication = { mode: "semisync" })),
      "replication.mode",
      `"async", "sync", "semi-sync", "quorum" or "isr"`,
    );
    expectMessage(
      errorFor((s) => (s.clients = [{ writes: "1/s" }, { writes: "1/s", arrivals: "bursty" }])),
      "clients[1].arrivals",
      `"poisson" or "uniform"`,
    );
  });

  it("automatic is a boolean", () => {
    expectMessage(
      errorFor((s) => (s.failover = { automatic: "yes" })),
      "failover.automatic",
      "true or false",
      `got "yes"`,
    );
  });
});

describe("clients", () => {
  it("a typo inside one group of a list is reported where it is", () => {
    expectMessage(
      errorFor((s) => (s.clients = [{ writes: "1/s" }, { writez: "1/s" }])),
      "clients[1].writez",
      `did you mean "writes"?`,
    );
  });

  it("neither a group nor a list", () => {
    expectMessage(
      errorFor((s) => (s.clients = "200/s")),
      "clients",
      `a client group like { writes: "200/s" } or a list of them`,
      `got "200/s"`,
    );
  });

  it("group names are unique and distinct from nodes", () => {
    expectMessage(
      errorFor(
        (s) =>
          (s.clients = [
            { writes: "1/s", name: "app" },
            { writes: "1/s", name: "app" },
          ]),
      ),
      "clients[1].name",
      "no other client group has",
    );
    expectMessage(
      errorFor((s) => (s.clients = { writes: "1/s", name: "db1" })),
      "clients.name",
      "no node has",
      `got "db1"`,
    );
  });
});

describe("seed", () => {
  it("must be a non-negative safe integer, in the file or from --seed", () => {
    expectMessage(
      errorFor((s) => (s.seed = -1)),
      "seed",
      "a whole number from 0 to 2^53 - 1",
      "got -1",
    );
    expectMessage(
      errorFor((s) => (s.seed = 2 ** 53)),
      "seed",
      "a whole number",
    );
    expectMessage(
      errorFor(() => {}, 1.5),
      "--seed",
      "a whole number from 0 to 2^53 - 1",
      "got 1.5",
    );
  });
});

describe("expect", () => {
  it("resolves to summary.csv columns in the order written", () => {
    const scenario = {
      ...baseScenario(),
      expect: { splitBrainS: { max: 0 }, lostWrites: 0, failovers: { min: 1, max: 2 } },
    };
    expect(resolveScenario(scenario, { file }).expect).toEqual([
      { metric: "split_brain_s", max: 0 },
      { metric: "lost_writes", equals: 0 },
      { metric: "failovers", min: 1, max: 2 },
    ]);
  });

  it("an unknown metric lists the metric names", () => {
    expectMessage(
      errorFor((s) => (s.expect = { lostWrite: 0 })),
      "expect.lostWrite",
      "writesAttempted",
      `(did you mean "lostWrites"?)`,
    );
  });

  it("bounds must bound something, in order", () => {
    expectMessage(
      errorFor((s) => (s.expect = { flaps: {} })),
      "expect.flaps",
      "at least one of min and max",
      "got {}",
    );
    expectMessage(
      errorFor((s) => (s.expect = { flaps: { min: 3, max: 1 } })),
      "expect.flaps.max",
      "no smaller than min (3)",
      "got 1",
    );
    expectMessage(
      errorFor((s) => (s.expect = { flaps: { min: "3" } })),
      "expect.flaps.min",
      "a number",
      `got "3"`,
    );
    expectMessage(
      errorFor((s) => (s.expect = { flaps: "none" })),
      "expect.flaps",
      "a number (exact value) or { min, max }",
    );
  });
});
