// The setting `sim explain` opens with (sim/report/explain-outcome.ts): the network line appears
// only when a latency is a distribution or a link reorders, and says the distribution's mean and
// tail; jittered rounds and a rejoin mode other than the default are said in their lines.
import { describe, expect, it } from "vitest";
import { settingLines } from "../../sim/report/explain-outcome.ts";
import { lognormal } from "../../sim/model/index.ts";
import { resolveScenario, type Scenario } from "../../sim/scenario/index.ts";

const base: Scenario = {
  name: "setting",
  summary: "A setting to describe.",
  duration: "1m",
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    mon: { role: "monitor", zone: "c" },
  },
};
const lines = (extra: Partial<Scenario>) =>
  settingLines(resolveScenario({ ...base, ...extra }, { file: "setting.ts" }).world);

describe("sim explain's setting", () => {
  it("says nothing of a plain network: fixed latencies, in order", () => {
    expect(lines({}).some((line) => line.startsWith("Network:"))).toBe(false);
  });

  it("describes a latency distribution with its mean and tail, and a link out of order", () => {
    const network = lines({
      network: { latency: lognormal("2ms", 0.5), links: { "a<->b": { reorder: true } } },
    }).find((line) => line.startsWith("Network:"));
    // mean 2 ms · e^(0.125) = 2.266 ms; p99 2 ms · e^(0.5 · 2.32635) = 6.400 ms; p99.9
    // 2 ms · e^(0.5 · 3.09023) = 9.377 ms.
    expect(network).toBe(
      "Network: every link: latency lognormal, median 2 ms, σ 0.5 (mean 2.266 ms, p99 6.4 ms, p99.9 9.377 ms), in order; a<->b: out of order. On a link in order a late message holds up those behind it.",
    );
  });

  it("says when the rounds jitter, and how a deposed primary comes back when it is not at once", () => {
    const said = lines({
      detector: { interval: "1s", timeout: "3s", intervalJitter: 0.2 },
      failover: { rejoin: "rewind", rewindIn: "20s" },
    }).join("\n");
    expect(said).toContain("each monitor spaces its rounds at random within ±20 % of the interval");
    expect(said).toContain(
      "a deposed primary whose log diverged is rewound for 20 s before it follows the new one",
    );
  });
});
