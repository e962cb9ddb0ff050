// The preset scenarios (scenarios/preset-*.ts) on whole runs: each system's documented behaviour
// under a 20 s blip of the primary's zone at 2 min and a crash of the primary at 6 min 5 s —
// whether the blip causes a failover, and how long after the crash writes move to the new primary
// (the "typical failover" each system documents). One run per scenario plus a few variants.
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../sim/model/index.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { at, restart, type Scenario } from "../../sim/scenario/index.ts";
import haproxy from "../../scenarios/preset-haproxy.ts";
import kubernetesProbes from "../../scenarios/preset-kubernetes-probes.ts";
import orchestrator from "../../scenarios/preset-orchestrator.ts";
import pacemaker from "../../scenarios/preset-pacemaker.ts";
import patroni from "../../scenarios/preset-patroni.ts";
import pgAutoFailover from "../../scenarios/preset-pg-auto-failover.ts";
import raft from "../../scenarios/preset-raft.ts";
import rdsMultiAz from "../../scenarios/preset-rds-multi-az.ts";
import redisSentinel from "../../scenarios/preset-redis-sentinel.ts";
import route53 from "../../scenarios/preset-route53.ts";

const blipUs = 120e6;
const blipEndUs = 140e6;
const crashUs = 365e6;

function run(scenario: Scenario, seed?: number) {
  const result = runScenario(scenario, {
    file: `${scenario.name}.ts`,
    ...(seed === undefined ? {} : { seed }),
  });
  const events = result.events;
  const of = <K extends TraceEvent["kind"]>(kind: K) =>
    events.filter((event): event is Extract<TraceEvent, { kind: K }> => event.kind === kind);
  /** Failure-triggered promotions completed in [fromUs, toUs). */
  const promotions = (fromUs: number, toUs = Infinity) =>
    of("promoted").filter((event) => !event.planned && event.tUs >= fromUs && event.tUs < toUs);
  /** Seconds from the crash to the new primary accepting writes. */
  const crashFailoverS = () => {
    const [first] = promotions(crashUs);
    expect(first, "a promotion after the crash").toBeDefined();
    return (first.tUs - crashUs) / 1e6;
  };
  return { ...result, of, promotions, crashFailoverS };
}

describe("presets under a 20 s blip and a crash", () => {
  it("redisSentinel: the blip passes (30 s down-after); a crash fails over in ≈ 31–35 s", () => {
    const r = run(redisSentinel);
    expect(r.breaches).toEqual([]);
    expect(r.promotions(0, crashUs)).toEqual([]);
    const failover = r.crashFailoverS();
    expect(failover).toBeGreaterThanOrEqual(30);
    expect(failover).toBeLessThanOrEqual(35);
  });

  it("patroni: the leader demotes itself after retry_timeout; the lease race decides the blip; a crash fails over in 20–31 s", () => {
    const r = run(patroni);
    expect(r.breaches).toEqual([]);
    // Last successful refresh at 110 s; loop_wait + retry_timeout later it refuses writes until the refresh after the heal.
    const fenced = r.of("role").filter((event) => event.node === "db1" && event.role === "fenced");
    expect(fenced.map((event) => Math.round(event.tUs / 1e6))).toEqual([130]);
    expect(r.promotions(0, crashUs)).toEqual([]);
    const failover = r.crashFailoverS();
    expect(failover).toBeGreaterThanOrEqual(20);
    expect(failover).toBeLessThanOrEqual(31);
    // The key's age reaches ttl exactly as the first refresh after the heal arrives: with seed 2 the key expires first.
    const lost = run(patroni, 2);
    expect(lost.metrics.false_failovers).toBe(1);
    expect(lost.metrics.lost_writes!).toBeGreaterThan(500);
    expect(lost.metrics.split_brain_s).toBe(0);
  });

  it("pgAutoFailover: the blip equals the unhealthy timeout and fails over without loss; a crash takes 20–25 s + the 30 s drain", () => {
    const r = run(pgAutoFailover);
    expect(r.breaches).toEqual([]);
    const [blipFailover] = r.promotions(blipUs, crashUs);
    expect(blipFailover.previousAlive).toBe(true);
    expect((blipFailover.tUs - blipEndUs) / 1e6).toBeCloseTo(30, 0);
    expect(r.metrics.lost_writes).toBe(0);
    const failover = r.crashFailoverS();
    expect(failover).toBeGreaterThanOrEqual(45);
    expect(failover).toBeLessThanOrEqual(60);
  });

  it("orchestrator: the blip fails over (split brain, no fencing); the 3600 s block leaves the crash unrecovered", () => {
    const r = run(orchestrator);
    expect(r.breaches).toEqual([]);
    const [decided] = r.of("failover_start");
    expect((decided.tUs - blipUs) / 1e6).toBeLessThanOrEqual(10);
    expect(r.metrics.split_brain_s!).toBeGreaterThan(5);
    expect(r.promotions(crashUs)).toEqual([]);
    expect(r.of("no_candidate").some((event) => event.reason.includes("blocked"))).toBe(true);
    // The failback was the operator's (manual), 2 minutes after being paged.
    expect(r.of("operator").map((event) => event.action)).toContain("performs the failback");
  });

  it("kubernetesProbes: two failed probes do not suffice; a crash fails over in ≈ 21–32 s; the pod comes back when ready", () => {
    const r = run(kubernetesProbes);
    expect(r.breaches).toEqual([]);
    expect(r.promotions(0, crashUs)).toEqual([]);
    const failover = r.crashFailoverS();
    expect(failover).toBeGreaterThanOrEqual(21);
    expect(failover).toBeLessThanOrEqual(32);
    const restarted = run({
      ...kubernetesProbes,
      faults: [...kubernetesProbes.faults!, at("8m", restart("db1"))],
    });
    expect(restarted.metrics.failbacks).toBe(1);
  });

  it("rdsMultiAz: synchronous commits lose nothing; a crash fails over within the documented 60–120 s", () => {
    const r = run(rdsMultiAz);
    expect(r.breaches).toEqual([]);
    expect(r.promotions(0, crashUs)).toEqual([]);
    expect(r.metrics.lost_writes).toBe(0);
    const failover = r.crashFailoverS();
    expect(failover).toBeGreaterThanOrEqual(60);
    expect(failover).toBeLessThanOrEqual(120);
  });

  it("raft: a new leader within 1–2 s, check-quorum stops the old one, majority commit loses nothing", () => {
    const r = run(raft);
    expect(r.breaches).toEqual([]);
    const [blipFailover] = r.promotions(blipUs, crashUs);
    expect((blipFailover.tUs - blipUs) / 1e6).toBeLessThanOrEqual(2);
    const failover = r.crashFailoverS();
    expect(failover).toBeGreaterThanOrEqual(1);
    expect(failover).toBeLessThanOrEqual(2);
    expect(r.metrics.lost_writes).toBe(0);
    expect(r.metrics.split_brain_s).toBe(0);
  });

  it("pacemaker: membership lost after ≈ 6.6 s, STONITH before every promotion, failback on return", () => {
    const r = run(pacemaker);
    expect(r.breaches).toEqual([]);
    expect(r.metrics.detection_s!).toBeCloseTo(6.6, 0);
    for (const promotion of r.promotions(0)) {
      const poweredOff = r
        .of("fencing")
        .filter((event) => event.outcome === "powered-off" && event.tUs <= promotion.tUs);
      expect(poweredOff.length, `fenced before ${promotion.node}'s promotion`).toBeGreaterThan(0);
    }
    expect(r.metrics.split_brain_s).toBe(0);
    expect(r.metrics.failbacks).toBe(1);
    const failover = r.crashFailoverS();
    expect(failover).toBeGreaterThanOrEqual(11);
    expect(failover).toBeLessThanOrEqual(14);
  });

  it("haproxy: DOWN after 3 checks, traffic back after 2; a crash moves traffic in 6–8 s", () => {
    const r = run(haproxy);
    expect(r.breaches).toEqual([]);
    const [away] = r.promotions(blipUs, crashUs);
    expect((away.tUs - blipUs) / 1e6).toBeLessThanOrEqual(8);
    const back = r.of("promoted").find((event) => event.planned && event.failback)!;
    expect((back.tUs - blipEndUs) / 1e6).toBeLessThanOrEqual(6);
    const failover = r.crashFailoverS();
    expect(failover).toBeGreaterThanOrEqual(6);
    expect(failover).toBeLessThanOrEqual(8);
  });

  it("route53: a blip is ignored; a crash fails over after 3 × 30 s checks (≈ 64–94 s before DNS TTL)", () => {
    const r = run(route53);
    expect(r.breaches).toEqual([]);
    expect(r.promotions(0, crashUs)).toEqual([]);
    const failover = r.crashFailoverS();
    expect(failover).toBeGreaterThanOrEqual(60);
    expect(failover).toBeLessThanOrEqual(95);
  });
});
