// The dnsOutage fault kind (sim/model/faults/dns-outage.ts), the way a user meets it: a cluster
// whose clients find the primary by DNS, with hand-checkable numbers — one write every 10 ms,
// evenly spaced over 10 connections, a 10 s TTL, 1 ms links, a 1 s write timeout, a 5 s timeout
// detector. The connections' cached answers expire spread over the TTL: one each second or so.
import { describe, expect, it } from "vitest";
import { scheduleEntries } from "../../sim/fuzz/episode.ts";
import { faultSource } from "../../sim/fuzz/fault-source.ts";
import { knownEndUs, reachedNodes, repairs, topologyOf } from "../../sim/metrics/incident-reach.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { describeEvent } from "../../sim/report/event-detail.ts";
import { explainSentence } from "../../sim/report/explain-sentences.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import {
  at,
  crash,
  defineScenario,
  dnsOutage,
  dnsRestore,
  episodeKinds,
  episodeShapeOf,
  isDisruptive,
  resolveScenario,
  type Scenario,
} from "../../sim/scenario/index.ts";
import { expectMessage, file, scenarioErrorOf } from "../scenario/scenario-helpers.ts";
import { Rng } from "../../sim/engine/index.ts";

const S = 1_000_000;

const cluster = (faults: Scenario["faults"]): Scenario =>
  defineScenario({
    name: "dns-outage",
    summary: "DNS-routed clients through a DNS outage.",
    duration: "3m",
    nodes: {
      db1: { role: "primary", zone: "a" },
      db2: { role: "standby", zone: "b" },
      mon: { role: "monitor", zone: "c" },
    },
    network: { latency: "1ms", jitter: "0ms" },
    replication: { lag: "0ms", applyDelay: "0ms" },
    detector: { kind: "timeout", interval: "1s", timeout: "5s" },
    clients: {
      writes: "100/s",
      zone: "a",
      arrivals: "uniform",
      connections: 10,
      routing: { dns: { ttl: "10s" } },
    },
    faults,
  });

function run(scenario: Scenario) {
  const trace: TraceEvent[] = [];
  const result = runScenario(scenario, {
    file: "dns-outage.ts",
    onTrace: (event) => trace.push(event),
  });
  const failedIssuedS = trace.flatMap((event) =>
    event.kind === "write_failed" ? [event.issuedUs / S] : [],
  );
  const reroutes = trace.flatMap((event) =>
    event.kind === "reroute" ? [{ tS: event.tUs / S, target: event.target }] : [],
  );
  return { result, trace, failedIssuedS, reroutes };
}

describe("a DNS outage", () => {
  it("fails the writes of each connection from its answer's expiry to the outage's end, and none outside", () => {
    const { failedIssuedS, reroutes } = run(cluster([at("60s", dnsOutage("30s"))]));
    // Each connection's answer expires once in [60 s, 70 s): its writes fail from then until 90 s.
    expect(Math.min(...failedIssuedS)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...failedIssuedS)).toBeLessThan(90);
    const early = failedIssuedS.filter((s) => s < 70).length;
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThan(1000);
    // From 70 s on every connection has lost its address: every write fails (100 per second).
    expect(failedIssuedS.filter((s) => s >= 70 && s < 89).length).toBe(1900);
    // Each connection connects anew, to the primary, at its first use once DNS answers.
    expect(reroutes.length).toBe(10);
    for (const { tS, target } of reroutes) {
      expect(tS).toBeGreaterThanOrEqual(90);
      expect(tS).toBeLessThan(90.1);
      expect(target).toBe("db1");
    }
  });

  it("keeps clients failing over to nothing after a failover, until DNS answers again", () => {
    const crashOnly = run(cluster([at("60s", crash("db1"))]));
    const duringOutage = run(
      cluster([at("55s", dnsOutage()), at("60s", crash("db1")), at("120s", dnsRestore())]),
    );
    // Without the outage, connections reach db2 as their answers expire after the failover.
    expect(Math.max(...crashOnly.reroutes.map((reroute) => reroute.tS))).toBeLessThan(76);
    // With it, none moves before the restore; then every one does, to the new primary.
    expect(duringOutage.reroutes.map((reroute) => reroute.target)).toEqual(
      new Array(10).fill("db2"),
    );
    expect(Math.min(...duringOutage.reroutes.map((reroute) => reroute.tS))).toBeGreaterThanOrEqual(
      120,
    );
    expect(Math.max(...duringOutage.failedIssuedS)).toBeGreaterThan(119);
    expect(duringOutage.result.metrics.downtime_s!).toBeGreaterThan(
      crashOnly.result.metrics.downtime_s! + 40,
    );
  });

  it("changes nothing for clients that do not use DNS", () => {
    const proxied = (faults: Scenario["faults"]) => ({
      ...cluster(faults),
      clients: { writes: "100/s", zone: "a", arrivals: "uniform" as const },
    });
    const without = runScenario(proxied([]), { file: "dns-outage.ts" });
    const withOutage = runScenario(proxied([at("60s", dnsOutage())]), { file: "dns-outage.ts" });
    expect(withOutage.metrics.writes_failed).toBe(without.metrics.writes_failed);
  });
});

describe("a DNS outage in the scenario language", () => {
  it("resolves dnsOutage(for) and dnsRestore() into the model's data", () => {
    const world = resolveScenario(cluster([at("1m", dnsOutage("30s")), at("2m", dnsRestore())]), {
      file: "dns-outage.ts",
    }).world;
    expect(world.faults.map((scheduled) => scheduled.fault)).toEqual([
      { kind: "dns-outage", restore: false, durationUs: 30 * S },
      { kind: "dns-outage", restore: true, durationUs: 0 },
    ]);
  });

  it("refuses a duration that is not one, and a duration on a restore", () => {
    const bad = (fault: unknown) =>
      scenarioErrorOf(() => resolveScenario(cluster([{ at: "1m", fault } as never]), { file }));
    expectMessage(
      bad({ kind: "dns-outage", restore: false, for: "soon" }),
      "faults[0].fault.for",
      "a duration like",
    );
    expectMessage(
      bad({ kind: "dns-outage", restore: false, for: "0s" }),
      "faults[0].fault.for",
      "greater than zero",
    );
    expectMessage(
      bad({ kind: "dns-outage", restore: true, for: "10s" }),
      "faults[0].fault.for",
      "no duration on dnsRestore()",
    );
  });
});

describe("a DNS outage as reports say it", () => {
  const { trace } = run(
    cluster([at("60s", dnsOutage("30s")), at("100s", dnsOutage()), at("110s", dnsRestore())]),
  );
  const faults = trace.filter(
    (event): event is Extract<TraceEvent, { kind: "fault" }> => event.kind === "fault",
  );
  const world = resolveScenario(cluster([]), { file: "dns-outage.ts" }).world;

  it("labels each line of events.csv", () => {
    expect(faults.map((event) => describeEvent(event))).toEqual([
      { node: "", detail: "fault: DNS unreachable for 30 s" },
      { node: "", detail: "fault: DNS unreachable" },
      { node: "", detail: "fault: DNS answers again" },
    ]);
  });

  it("explains what happens to the clients", () => {
    expect(explainSentence(faults[0], world)).toBe(
      "Fault: the DNS service is unreachable for 30 s; a connection whose cached answer expires gets no address and sends nothing until it answers again.",
    );
    expect(explainSentence(faults[2], world)).toMatch(/^Repair: the DNS service answers again/);
  });

  it("is an incident that reaches no watched node and ends at its duration or a restore", () => {
    const [timed, open, restore] = faults.map((event) => event.fault);
    expect([isDisruptive(timed), isDisruptive(open), isDisruptive(restore)]).toEqual([
      true,
      true,
      false,
    ]);
    expect([...reachedNodes(timed, topologyOf(world))]).toEqual([]);
    expect(knownEndUs(timed, 60 * S)).toBe(90 * S);
    expect(knownEndUs(open, 100 * S)).toBe(Infinity);
    expect(repairs(faults[2], open)).toBe(true);
    expect(repairs(faults[1], timed)).toBe(false);
  });
});

describe("a DNS outage in the fuzzer", () => {
  it("is an episode of every swarm, drawn as an outage repaired by a restore, and printed as its builders", () => {
    expect(episodeKinds).toContain("dns-outage");
    const shape = episodeShapeOf("dns-outage");
    const fault = shape.draw(new Rng(1, "dns"), {
      nodes: ["db1"],
      dataNodes: ["db1"],
      clients: [],
      zones: ["a"],
    });
    const entries = scheduleEntries([{ fault, startUs: 20 * S, lengthUs: 5 * S, repaired: true }]);
    expect(entries.map((entry) => `at(${entry.at}, ${faultSource(entry.fault)})`)).toEqual([
      "at(20s, dnsOutage())",
      "at(25s, dnsRestore())",
    ]);
  });
});
