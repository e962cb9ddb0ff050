// The network's delivery order (sim/model/network.ts): a link in order (the default, as TCP
// delivers) never lets a message overtake the one sent before it, so a late draw of a latency
// distribution holds up those behind it; a reordering link delivers each message when its own
// draw says. Link overrides set `reorder` per link or zone.
import { describe, expect, it } from "vitest";
import { Rng } from "../../sim/engine/index.ts";
import {
  exponential,
  latencySchema,
  type LinkSpec,
  type NetworkConfig,
} from "../../sim/model/index.ts";
import { Network } from "../../sim/model/network.ts";

const endpoints = [
  { name: "a", zone: "east" },
  { name: "b", zone: "west" },
];
const exponential5ms: LinkSpec = {
  latency: latencySchema.parse(exponential("5ms")),
  jitterUs: 0,
  lossProbability: 0,
  bandwidthPerS: Infinity,
  reorder: false,
};

/** Arrival times of `count` messages from a to b, one every 100 µs. */
function arrivals(config: NetworkConfig, count = 20_000): { sentUs: number; arrivalUs: number }[] {
  const network = new Network(endpoints, config, new Rng(3, "network"));
  return Array.from({ length: count }, (_, i) => {
    const sentUs = i * 100;
    return { sentUs, arrivalUs: network.arrivalUs(0, 1, sentUs) };
  });
}

const overtakes = (sent: { arrivalUs: number }[]) =>
  sent.filter((message, i) => i > 0 && message.arrivalUs < sent[i - 1].arrivalUs).length;
const meanDelayUs = (sent: { sentUs: number; arrivalUs: number }[]) =>
  sent.reduce((sum, { sentUs, arrivalUs }) => sum + arrivalUs - sentUs, 0) / sent.length;

describe("delivery order on a link", () => {
  it("in order by default: no message overtakes the one before it, and late draws hold up the rest", () => {
    const sent = arrivals({ defaults: exponential5ms, overrides: [] });
    expect(overtakes(sent)).toBe(0);
    // Head-of-line blocking: the mean delay exceeds the distribution's own 5 ms mean.
    expect(meanDelayUs(sent)).toBeGreaterThan(10_000);
  });

  it("reorder: true delivers each message after its own draw, overtaking earlier ones", () => {
    const sent = arrivals({ defaults: { ...exponential5ms, reorder: true }, overrides: [] });
    expect(overtakes(sent)).toBeGreaterThan(sent.length / 4);
    // Without blocking, the mean delay is the distribution's: 5 ms within 5 standard errors.
    expect(Math.abs(meanDelayUs(sent) - 5000)).toBeLessThan(5 * (5000 / Math.sqrt(sent.length)));
  });

  it("a zone override reorders only its own links", () => {
    const config: NetworkConfig = {
      defaults: exponential5ms,
      overrides: [{ source: "east", target: "west", bothWays: false, spec: { reorder: true } }],
    };
    const network = new Network(endpoints, config, new Rng(3, "network"));
    const order = (source: number, target: number) =>
      Array.from({ length: 2000 }, (_, i) => network.arrivalUs(source, target, i * 100));
    const inversions = (times: number[]) =>
      times.filter((t, i) => i > 0 && t < times[i - 1]).length;
    expect(inversions(order(0, 1))).toBeGreaterThan(0);
    expect(inversions(order(1, 0))).toBe(0);
  });

  it("a fixed latency without jitter never reorders, reorder or not", () => {
    const fixed = { ...exponential5ms, latency: 2000, reorder: true };
    const sent = arrivals({ defaults: fixed, overrides: [] }, 100);
    expect(sent.every(({ sentUs, arrivalUs }) => arrivalUs === sentUs + 2000)).toBe(true);
  });
});
