// sim import of a Redis Sentinel conf: the shipped sample run against a timeline computed by hand
// from its values and Sentinel's documented mechanics, and the mapping of each directive (how
// many Sentinels, the ping period, failover-timeout, what is not modelled or ignored).
import { describe, expect, it } from "vitest";
import { firstS, importAndRun, imported } from "./import-kit.ts";

describe("the Sentinel sample (examples/configs/sentinel.conf) against a hand-computed timeline", () => {
  it("calls the master down down-after-milliseconds after its last reply and promotes a replica 2 s later", async () => {
    const { imported: scenario, result } = await importAndRun("sentinel.conf");
    // From the file: quorum 2, down-after-milliseconds 5000, failover-timeout 60000; two
    // known-sentinel lines: 3 Sentinels; two known-replica lines: db2, db3.
    // Each Sentinel pings db1 every second (SENTINEL_PING_PERIOD, 1000 ms < 5000 ms) from 0; the
    // crash lands halfway between two pings: 300 s + 0.5 s.
    expect(scenario.text).toContain('faults: [at("300.5s", crash("db1"))]');
    expect(result.world.nodes.filter((node) => node.role === "monitor")).toHaveLength(3);
    // The ping of 300 s is answered: its reply arrives one round trip later (2 × 1 ms ± 0.5 ms).
    // Silence since then for down-after-milliseconds = 5 s makes db1 SDOWN at ≈ 305.002 s:
    // detection = 305.002 − 300.5 = 4.502 s (± 1 ms).
    expect(firstS(result, "suspect", "db1")).toBeGreaterThanOrEqual(305.001);
    expect(firstS(result, "suspect", "db1")).toBeLessThanOrEqual(305.003);
    expect(result.metrics.detection_s).toBeGreaterThanOrEqual(4.501);
    expect(result.metrics.detection_s).toBeLessThanOrEqual(4.503);
    // All three Sentinels ping on the same clock and agree at once (quorum 2); the elected one
    // promotes db2 in presets.redisSentinel's 2 s (ODOWN poll + election delay + SLAVEOF NO ONE):
    // writes resume at ≈ 307.0 s: rto ≈ 6.5 s plus the wait for the next write and a hop.
    const promotedS = firstS(result, "promoted", "db2");
    expect(promotedS - firstS(result, "suspect", "db1")).toBeGreaterThanOrEqual(2);
    expect(promotedS - firstS(result, "suspect", "db1")).toBeLessThan(2.01);
    expect(result.metrics.rto_s).toBeGreaterThanOrEqual(6.5);
    expect(result.metrics.rto_s).toBeLessThan(6.6);
    expect(result.metrics.failovers).toBe(1);
    expect(result.breaches).toEqual([]);
  });

  it("writes every value with the line it came from, and lists parallel-syncs as not modelled", () => {
    const { text, plan } = imported("sentinel.conf");
    expect(text).toContain('timeout: "5s", // sentinel.conf:12: sentinel down-after-milliseconds orders 5000');
    expect(text).toContain("quorum: 2, // sentinel.conf:10: sentinel monitor orders 10.0.2.10 6379 2");
    expect(text).toContain('blockFor: "2m", // sentinel.conf:13: sentinel failover-timeout orders 60000 (2 × failover-timeout)');
    expect(text).toContain("sentinel3: { role: \"monitor\"");
    expect(plan.notModelled.map((remark) => remark.subject)).toEqual(["sentinel parallel-syncs"]);
    expect(plan.ignored.map((remark) => remark.subject)).toEqual(expect.arrayContaining(["port", "sentinel auth-pass", "sentinel myid"]));
  });
});

describe("Sentinel directives", () => {
  const read = (conf: string, sentinels?: number) => imported("sentinel.conf", { format: "sentinel", sentinels }, conf);

  it("takes the number of Sentinels from --sentinels, else assumes three", () => {
    expect(read("sentinel monitor m 10.0.0.1 6379 2\n", 5).text).toContain("sentinel5: { role: \"monitor\"");
    const assumed = read("sentinel monitor m 10.0.0.1 6379 2\n").text;
    expect(assumed).toContain("assumed: 3 Sentinels (each has its own file; say how many with --sentinels N)");
    expect(assumed).not.toContain("sentinel4");
  });

  it("uses Sentinel's defaults for what the file leaves out, and pings every down-after-milliseconds when that is under a second", () => {
    const defaults = read("sentinel monitor m 10.0.0.1 6379 1\n").text;
    expect(defaults).toContain('timeout: "30s", // assumed: Sentinel\'s default down-after-milliseconds, 30000 (presets.redisSentinel)');
    expect(defaults).toContain('blockFor: "6m", // assumed:');
    const fast = read("sentinel monitor m 10.0.0.1 6379 1\nsentinel down-after-milliseconds m 400\n").text;
    expect(fast).toContain('interval: "400ms", // Sentinel pings every down-after-milliseconds when that is under a second');
  });

  it("imports the first monitored master and ignores the directives about another", () => {
    const { plan } = read("sentinel monitor a 10.0.0.1 6379 2\nsentinel monitor b 10.0.0.2 6379 2\nsentinel down-after-milliseconds b 1000\n");
    expect(plan.ignored.map((remark) => `${remark.line}: ${remark.subject}: ${remark.detail}`)).toEqual([
      "2: sentinel monitor b: another master (sim import models the first, a)",
      "3: sentinel down-after-milliseconds: about another master, b",
    ]);
  });
});
