// sim import of a Redis Sentinel conf: the mapping of each directive (how many Sentinels, the
// ping period, failover-timeout, what is not modelled or ignored). The shipped sample's run
// against its hand-computed timeline is in hand-computed.test.ts.
import { describe, expect, it } from "vitest";
import { expectCited, imported } from "./import-kit.ts";

describe("Sentinel directives", () => {
  const read = (conf: string, sentinels?: number) =>
    imported("sentinel.conf", { format: "sentinel", sentinels }, conf);

  it("writes every value of the sample with the line it came from, and lists parallel-syncs as not modelled", () => {
    expectCited("sentinel.conf", {
      lines: [
        'timeout: "5s", // sentinel.conf:12: sentinel down-after-milliseconds orders 5000',
        "quorum: 2, // sentinel.conf:10: sentinel monitor orders 10.0.2.10 6379 2",
        'blockFor: "2m", // sentinel.conf:13: sentinel failover-timeout orders 60000 (2 × failover-timeout)',
        'sentinel3: { role: "monitor"',
      ],
      notModelled: ["sentinel parallel-syncs"],
      ignored: ["port", "sentinel auth-pass", "sentinel myid"],
    });
  });

  it("takes the number of Sentinels from --sentinels, else assumes three", () => {
    expect(read("sentinel monitor m 10.0.0.1 6379 2\n", 5).text).toContain(
      'sentinel5: { role: "monitor"',
    );
    const assumed = read("sentinel monitor m 10.0.0.1 6379 2\n").text;
    expect(assumed).toContain(
      "assumed: 3 Sentinels (each has its own file; say how many with --sentinels N)",
    );
    expect(assumed).not.toContain("sentinel4");
  });

  it("uses Sentinel's defaults for what the file leaves out, and pings every down-after-milliseconds when that is under a second", () => {
    const defaults = read("sentinel monitor m 10.0.0.1 6379 1\n").text;
    expect(defaults).toContain(
      'timeout: "30s", // assumed: Sentinel\'s default down-after-milliseconds, 30000 (presets.redisSentinel)',
    );
    expect(defaults).toContain('blockFor: "6m", // assumed:');
    const fast = read(
      "sentinel monitor m 10.0.0.1 6379 1\nsentinel down-after-milliseconds m 400\n",
    ).text;
    expect(fast).toContain(
      'interval: "400ms", // Sentinel pings every down-after-milliseconds when that is under a second',
    );
  });

  it("imports the first monitored master and ignores the directives about another", () => {
    const { plan } = read(
      "sentinel monitor a 10.0.0.1 6379 2\nsentinel monitor b 10.0.0.2 6379 2\nsentinel down-after-milliseconds b 1000\n",
    );
    expect(
      plan.ignored.map((remark) => `${remark.line}: ${remark.subject}: ${remark.detail}`),
    ).toEqual([
      "2: sentinel monitor b: another master (sim import models the first, a)",
      "3: sentinel down-after-milliseconds: about another master, b",
    ]);
  });
});
