// Timeline intervals: node state, role and each monitor's verdict, closed at run_end.
import { describe, expect, it } from "vitest";
import { TimelineObserver, type TimelineRow } from "../../sim/metrics/timeline.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import { initialRoles, role, runEnd, timeOrdered, tinyWorld, us, write } from "./trace-fixtures.ts";

function timelineOf(events: TraceEvent[]): TimelineRow[] {
  const observer = new TimelineObserver(tinyWorld({ durationS: 10 }));
  for (const event of timeOrdered(events)) observer.observe(event);
  return observer.timeline();
}

/** Rows as `node kind state start-end` in seconds, for readable expectations. */
function brief(rows: TimelineRow[]): string[] {
  return rows.map(
    (row) => `${row.node} ${row.kind} ${row.state} ${row.startUs / 1e6}-${row.endUs / 1e6}`,
  );
}

describe("timeline", () => {
  it("builds state, role and verdict lanes and closes them at run_end", () => {
    // db1 crashes at 2 s and comes back at 6 s; mon suspects it at 4 s and trusts it at 7 s;
    // db2 is promoted (promoting 4.5 s, primary 5 s); db1 rejoins (6 s) then follows (6.5 s).
    // Run ends at 11 s (10 s duration + 1 s drain): open intervals close at 11 s.
    const events: TraceEvent[] = [
      ...initialRoles(),
      { kind: "node_down", tUs: us(2), node: "db1" },
      { kind: "suspect", tUs: us(4), monitor: "mon", node: "db1" },
      role("db2", 4.5, "promoting", 2),
      role("db2", 5, "primary", 2),
      { kind: "node_up", tUs: us(6), node: "db1" },
      role("db1", 6, "rejoining", 1),
      role("db1", 6.5, "standby", 2),
      { kind: "trust", tUs: us(7), monitor: "mon", node: "db1" },
      ...write(1, 3, "ack"), // per-write events do not touch the timeline
      runEnd(11),
    ];
    expect(brief(timelineOf(events))).toEqual([
      "db1 state up 0-2",
      "db1 state down 2-6",
      "db1 state up 6-11",
      "db1 role primary 0-6",
      "db1 role rejoining 6-6.5",
      "db1 role standby 6.5-11",
      "db1 verdict:mon trust 0-4",
      "db1 verdict:mon suspect 4-7",
      "db1 verdict:mon trust 7-11",
      "db2 state up 0-11",
      "db2 role standby 0-4.5",
      "db2 role promoting 4.5-5",
      "db2 role primary 5-11",
      "db2 verdict:mon trust 0-11",
      "db3 state up 0-11",
      "db3 role standby 0-11",
      "db3 verdict:mon trust 0-11",
      "mon state up 0-11",
    ]);
  });

  it("drops zero-length intervals and ignores repeats", () => {
    // db2 goes promoting → primary within one microsecond; a repeated suspect does not split the lane.
    const rows = timelineOf([
      ...initialRoles(),
      role("db2", 3, "promoting", 2),
      role("db2", 3, "primary", 2),
      { kind: "suspect", tUs: us(1), monitor: "mon", node: "db2" },
      { kind: "suspect", tUs: us(2), monitor: "mon", node: "db2" },
      runEnd(11),
    ]).filter((row) => row.node === "db2");
    expect(brief(rows)).toEqual([
      "db2 state up 0-11",
      "db2 role standby 0-3",
      "db2 role primary 3-11",
      "db2 verdict:mon trust 0-1",
      "db2 verdict:mon suspect 1-11",
    ]);
  });

  it("refuses to be read before run_end", () => {
    expect(() => new TimelineObserver(tinyWorld()).timeline()).toThrow(/before run_end/);
  });
});
