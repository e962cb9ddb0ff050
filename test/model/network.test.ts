// The network's delivery order (sim/model/network.ts): a link in order (the default, as TCP
// delivers) never lets a message overtake the one sent before it, so a late draw of a latency
// distribution holds up those behind it; a reordering link delivers each message when its own
// draw says. Link overrides set `reorder` per link or zone. A plain link (fixed latency, no loss,
// no bandwidth limit, in order) that nothing cuts or degrades takes a short way: the same
// arrivals and draws as the general one, and cuts and degradations counted as they come and go.
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

describe("plain links and the cuts and degradations that hold them", () => {
  const plain: LinkSpec = {
    latency: 1000,
    jitterUs: 500,
    lossProbability: 0,
    bandwidthPerS: Infinity,
    reorder: false,
  };
  const network = (spec: LinkSpec = plain) =>
    new Network(endpoints, { defaults: spec, overrides: [] }, new Rng(7, "network"));

  it("a plain link's arrivals and draws are those of the general way (a degradation adding nothing)", () => {
    const short = network();
    const general = network();
    // A degradation that loses nothing and delays by nothing sends every message the general way.
    general.degradeBetween(1, [[0], [1]], 0, 0);
    const draw = new Rng(11, "sends");
    let nowUs = 0;
    for (let i = 0; i < 5000; i++) {
      nowUs += draw.int(800);
      const [source, target] = draw.chance(0.5) ? [0, 1] : [1, 0];
      const size = 1 + draw.int(5);
      expect(short.arrivalUs(source, target, nowUs, size)).toBe(
        general.arrivalUs(source, target, nowUs, size),
      );
      expect(short.lastTransmittedUs).toBe(general.lastTransmittedUs);
    }
    // The same number of draws were taken from each network's stream.
    expect(short.arrivalUs(0, 1, nowUs + 10_000)).toBe(general.arrivalUs(0, 1, nowUs + 10_000));
  });

  it("a cut holds a link until every cut on it heals; a degradation's loss applies until it heals", () => {
    const net = network();
    net.cutBetween(1, [[0], [1]]);
    net.cutOneWay(2, [0], [1]);
    expect([net.isCut(0, 1), net.isCut(1, 0), net.arrivalUs(0, 1, 0)]).toEqual([true, true, -1]);
    net.heal(1);
    expect([net.isCut(0, 1), net.isCut(1, 0), net.arrivalUs(0, 1, 0)]).toEqual([true, false, -1]);
    expect(net.arrivalUs(1, 0, 0)).toBeGreaterThan(0);
    net.heal(2);
    expect([net.isCut(0, 1), net.arrivalUs(0, 1, 0) > 0]).toEqual([false, true]);
    // One id both cutting and degrading: healing it lifts both.
    net.degradeBetween(3, [[0], [1]], 1, 0);
    expect([net.isCut(0, 1), net.arrivalUs(0, 1, 10)]).toEqual([false, -1]);
    net.cutBetween(3, [[0], [1]]);
    net.heal(3);
    expect([net.isCut(0, 1), net.holds(3), net.arrivalUs(0, 1, 10) > 0]).toEqual([
      false,
      false,
      true,
    ]);
    net.cutBetween(4, [[0], [1]]);
    net.degradeBetween(5, [[0], [1]], 1, 0);
    net.healAll();
    expect([net.isCut(0, 1), net.isCut(1, 0), net.arrivalUs(1, 0, 20) > 0]).toEqual([
      false,
      false,
      true,
    ]);
  });

  it("a link with loss, a bandwidth or reordering is not plain", () => {
    const lossy = network({ ...plain, lossProbability: 1 });
    expect(lossy.arrivalUs(0, 1, 0)).toBe(-1);
    // 10 entries at 1,000 entries/s occupy the link for 10 ms before the latency starts.
    const narrow = network({ ...plain, jitterUs: 0, bandwidthPerS: 1000 });
    expect(narrow.arrivalUs(0, 1, 0, 10)).toBe(10_000 + 1000);
    expect(narrow.arrivalUs(0, 1, 0, 10)).toBe(20_000 + 1000);
    const reordering = network({ ...plain, jitterUs: 900, reorder: true });
    const times = Array.from({ length: 200 }, (_, i) => reordering.arrivalUs(0, 1, i * 10));
    expect(times.some((t, i) => i > 0 && t < times[i - 1])).toBe(true);
  });
});
