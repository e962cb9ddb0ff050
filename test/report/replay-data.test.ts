// The replay's data (replay-data.ts) for the hand-made split brain of chart-fixtures.ts: every
// endpoint with its zone, each node's state over time, the clients' target, the links the
// partition cut (each pair across the two sides, for the partition's period), the steps in
// `sim explain`'s words and the slider's ticks with every step's time among them.
import { describe, expect, it } from "vitest";
import { replayData, tickCount, troubledPairs } from "../../sim/report/replay/replay-data.ts";
import { fixtureRun } from "./chart-fixtures.ts";

const s = (seconds: number) => Math.round(seconds * 1e6);

describe("replay data", () => {
  const data = replayData(fixtureRun());

  it("places every endpoint in its zone and follows each node's state", () => {
    expect(data.endpoints).toEqual([
      { name: "db1", kind: "database", zone: "east" },
      { name: "db2", kind: "database", zone: "west" },
      { name: "mon", kind: "monitor", zone: "west" },
      { name: "clients", kind: "clients", zone: "east" },
    ]);
    expect(data.states.db2.map(([, , state]) => state)).toEqual([
      "standby",
      "promoting",
      "primary",
    ]);
    expect(data.states.db2[2][0]).toBe(s(124));
  });

  it("cuts each pair across the partition while it lasts, and knows the other fault shapes", () => {
    const cut = data.links.map((link) => [link.a, link.b, link.trouble].join(" "));
    expect(cut.sort()).toEqual([
      "clients db2 cut",
      "clients mon cut",
      "db1 db2 cut",
      "db1 mon cut",
    ]);
    for (const link of data.links) expect([link.startUs, link.endUs]).toEqual([s(120), s(180)]);
    const names = ["a", "b", "c"];
    expect(troubledPairs({ kind: "isolate", target: "a" } as never, names)).toEqual([
      ["a", "b", "cut"],
      ["a", "c", "cut"],
    ]);
    expect(troubledPairs({ kind: "one-way", from: ["a"], to: ["c"] } as never, names)).toEqual([
      ["a", "c", "one-way"],
    ]);
    expect(troubledPairs({ kind: "degrade", groups: [["b"]] } as never, names)).toEqual([
      ["b", "a", "lossy"],
      ["b", "c", "lossy"],
    ]);
    expect(troubledPairs({ kind: "crash", node: "a" } as never, names)).toEqual([]);
  });

  it("tells the steps in sim explain's words, each time among the slider's ticks", () => {
    expect(data.steps[0]).toEqual({
      tUs: 0,
      time: "0 s",
      text: "At the start: db1 primary.",
    });
    expect(data.steps.some((step) => /^db2 is promoted/.test(step.text))).toBe(true);
    const times = new Set(data.ticks.map(([tUs]) => tUs));
    for (const step of data.steps) expect(times.has(step.tUs)).toBe(true);
    expect(data.ticks.length).toBeGreaterThanOrEqual(tickCount);
    expect(data.ticks.at(-1)).toEqual([data.endUs, "5 min 01 s"]);
  });

  it("follows where the clients write: the first primary, then each reroute", () => {
    expect(data.targets.clients.map(([, , target]) => target)).toEqual(
      fixtureRun().events.some((event) => event.kind === "reroute") ? ["db1", "db2"] : ["db1"],
    );
  });
});
