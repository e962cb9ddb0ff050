// The run's story in plain language, and times as clocks.
import { describe, expect, it } from "vitest";
import { narrative, sentence } from "../../sim/report/html/narrative.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import { fixtureEvents, fixtureRun } from "./chart-fixtures.ts";

const world = fixtureRun().world;

describe("narrative", () => {
  it("tells each main event in a sentence", () => {
    expect(fixtureEvents().map((event) => sentence(event, world))).toEqual([
      "db1 starts as primary (epoch 1).",
      "Fault: the network splits into [db1, clients] | [db2, mon]; nothing crosses between the groups.",
      "mon suspects db1: it has not answered heartbeats for the detector's timeout.",
      "db2 is promoted and accepts writes as primary of epoch 2, replacing db1 — a false failover: db1 is still running and may still accept writes.",
      "Repair: the network heals; every cut link works again.",
      "db1 rewinds: it discards 12 log entries the new primary lacks, 11 of them acknowledged to clients.",
    ]);
    const blip: TraceEvent = {
      kind: "fault",
      tUs: 5e6,
      fault: { kind: "blip", groups: [["a"], ["b"]], durationUs: 1_500_000 },
      label: "x",
    };
    expect(sentence(blip, world)).toBe("Fault: a 1.5 s network blip separates [a] | [b].");
    const role: TraceEvent = {
      kind: "role",
      tUs: 9e6,
      node: "db3",
      role: "catching-up" as "standby",
      epoch: 3,
    };
    expect(sentence(role, world)).toBe("db3 is now catching up (epoch 3).");
  });

  it("keeps the omitted count between the first events and the closing ones", () => {
    const story = narrative(
      {
        events: fixtureEvents().slice(0, 2),
        omitted: 4,
        closing: [{ kind: "run_end", tUs: 301e6, authority: "db2" }],
      },
      world,
    );
    expect(story.lines.map((line) => line.clock)).toEqual(["0 s", "2 min"]);
    expect(story.omitted).toBe(4);
    expect(story.closing).toEqual([
      {
        tUs: 301e6,
        clock: "5 min 01 s",
        seconds: "301.000000",
        text: "The run ends; db2 holds the authoritative history.",
      },
    ]);
  });
});
