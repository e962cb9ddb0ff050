// A fault schedule as scenario data and as the text a reproducer shows (episode.ts, fault-source.ts).
import { describe, expect, it } from "vitest";
import { entryCount, lastEndUs, scheduleEntries, type Episode } from "../../sim/fuzz/episode.ts";
import { buildersOf, faultSource, scheduledFaultSource } from "../../sim/fuzz/fault-source.ts";
import { flaky, delay, diskFull, slow, zoneRestore } from "../../sim/scenario/index.ts";

const s = (seconds: number) => Math.round(seconds * 1e6);

const schedule: Episode[] = [
  { fault: { kind: "crash", node: "db1" }, startUs: s(30), lengthUs: s(5.5), repaired: true },
  {
    fault: { kind: "partition", groups: [["east"], ["west"]] },
    startUs: s(12),
    lengthUs: s(90),
    repaired: true,
  },
  {
    fault: {
      kind: "blip",
      groups: [
        ["db1", "clients"],
        ["db2", "mon"],
      ],
    },
    startUs: s(35.5),
    lengthUs: s(2),
    repaired: true,
  },
  { fault: { kind: "pause", node: "mon" }, startUs: s(40), lengthUs: s(0.25), repaired: true },
  {
    fault: { kind: "one-way", from: ["db1"], to: ["db2", "mon"] },
    startUs: s(50),
    lengthUs: s(1),
    repaired: false,
  },
  {
    fault: { kind: "loss", target: "db2", probability: 0.35 },
    startUs: s(60),
    lengthUs: s(20),
    repaired: true,
  },
  {
    fault: { kind: "clock-skew", node: "db2", rate: 1, jumpUs: s(-30) },
    startUs: s(70),
    lengthUs: s(10),
    repaired: true,
  },
  { fault: { kind: "isolate", target: "west" }, startUs: s(90), lengthUs: s(3), repaired: false },
];

describe("a schedule as scenario faults", () => {
  it("lists every fault and its repair in time order, with durations a person reads", () => {
    expect(scheduleEntries(schedule).map(scheduledFaultSource)).toEqual([
      'at("12s", partition(["east"], ["west"]))',
      'at("30s", crash("db1"))',
      'at("35.5s", restart("db1"))',
      'at("35.5s", blip("2s", ["db1", "clients"], ["db2", "mon"]))',
      'at("40s", pause("mon", "250ms"))',
      'at("50s", oneWay("db1", ["db2", "mon"]))',
      'at("1m", loss("db2", 0.35, { for: "20s" }))',
      'at("70s", clockSkew("db2", { rate: 1, jump: "-30s" }))',
      'at("80s", clockSkew("db2", { rate: 1, jump: "30s" }))',
      'at("90s", isolate("west"))',
      'at("102s", heal())',
    ]);
  });

  it("counts the at(…) lines and knows when the last fault is over", () => {
    expect(schedule.map(entryCount)).toEqual([2, 2, 1, 1, 1, 1, 2, 1]);
    // The one-way cut and the isolate are never repaired: the faults last to the end of the run.
    expect(lastEndUs(schedule)).toBeNull();
    // Without them the last to end is the partition: 12 s + 90 s.
    expect(lastEndUs(schedule.filter((episode) => episode.repaired))).toBe(s(102));
    expect(lastEndUs([])).toBeNull();
  });

  it("imports exactly the builders the faults use", () => {
    expect(buildersOf(scheduleEntries(schedule))).toEqual([
      "at",
      "blip",
      "clockSkew",
      "crash",
      "heal",
      "isolate",
      "loss",
      "oneWay",
      "partition",
      "pause",
      "restart",
    ]);
    expect(buildersOf([])).toEqual([]);
  });

  it("writes the faults the fuzzer never draws as their builders too", () => {
    expect(faultSource(flaky("db1<->db2", { down: "1s", up: "4s", for: "1m" }))).toBe(
      'flaky("db1<->db2", { down: "1s", up: "4s", for: "1m" })',
    );
    expect(faultSource(delay("west", "200ms"))).toBe('delay("west", "200ms")');
    expect(faultSource(slow("db1", "2s"))).toBe('slow("db1", "2s")');
    expect(faultSource(diskFull("db1"))).toBe('readOnly("db1")');
    expect(faultSource(zoneRestore("east"))).toBe('zoneRestore("east")');
  });
});

describe("durations in a reproducer", () => {
  it("reads as a person would write them and parses back exactly", async () => {
    const { durationText } = await import("../../sim/dsl/index.ts");
    const { parseDuration } = await import("../../sim/scenario/index.ts");
    const cases: [number, string][] = [
      [s(102), "102s"],
      [s(120), "2m"],
      [s(3600), "1h"],
      [s(16.007), "16.007s"],
      [s(0.25), "250ms"],
      [1500, "1.5ms"],
      [0, "0s"],
    ];
    for (const [us, text] of cases) {
      expect(durationText(us)).toBe(text);
      expect(parseDuration(text)).toBe(us);
    }
  });
});
