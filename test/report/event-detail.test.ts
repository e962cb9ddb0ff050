// events.csv: the node and human detail of every kind of trace event.
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../sim/model/index.ts";
import { describeEvent } from "../../sim/report/event-detail.ts";

const cases: [TraceEvent, string, string][] = [
  [
    { kind: "fault", tUs: 1, fault: { kind: "crash", node: "db1" }, label: "crash db1" },
    "db1",
    "fault: crash db1",
  ],
  [
    { kind: "fault", tUs: 1, fault: { kind: "isolate", target: "east" }, label: "isolate east" },
    "east",
    "fault: isolate east",
  ],
  [
    { kind: "fault", tUs: 1, fault: { kind: "heal" }, label: "heal all links" },
    "",
    "fault: heal all links",
  ],
  [{ kind: "node_down", tUs: 1, node: "db1" }, "db1", "down: process stopped"],
  [{ kind: "node_up", tUs: 1, node: "db1" }, "db1", "up: process started"],
  [
    { kind: "role", tUs: 1, node: "db2", role: "promoting", epoch: 2 },
    "db2",
    "role: promoting, epoch 2",
  ],
  [{ kind: "suspect", tUs: 1, monitor: "mon", node: "db1" }, "db1", "suspect: mon suspects db1"],
  [{ kind: "trust", tUs: 1, monitor: "mon", node: "db1" }, "db1", "trust: mon trusts db1 again"],
  [
    { kind: "failover_start", tUs: 1, monitor: "mon", node: "db2", from: "db1", epoch: 2 },
    "db2",
    "failover: mon orders db2 promoted to replace db1, epoch 2",
  ],
  [
    { kind: "no_candidate", tUs: 1, monitor: "mon", node: "db1", reason: "no reachable standby" },
    "db1",
    "no candidate: mon would replace db1 but none qualifies (no reachable standby)",
  ],
  [
    {
      kind: "promoted",
      tUs: 1,
      node: "db1",
      epoch: 4,
      previous: "db2",
      previousAlive: false,
      failback: true,
      planned: false,
    },
    "db1",
    "promoted: epoch 4, replaces db2 (down), failback",
  ],
  [{ kind: "demoted", tUs: 1, node: "db1", epoch: 3 }, "db1", "demoted: standby in epoch 3"],
  [
    { kind: "rewind", tUs: 1, node: "db1", discarded: 12, discardedAcked: 3 },
    "db1",
    "rewind: discarded 12 log entries, 3 of them acknowledged",
  ],
  [
    { kind: "reroute", tUs: 1, client: "app", target: "db2" },
    "app",
    "reroute: writes from app now go to db2",
  ],
  [{ kind: "write_issued", tUs: 1, client: "app", id: 17 }, "app", "write 17 issued"],
  [
    { kind: "write_accepted", tUs: 1, node: "db1", id: 17, divergent: true },
    "db1",
    "write 17 accepted by a deposed primary (divergent)",
  ],
  [
    { kind: "write_acked", tUs: 2_345, client: "app", id: 17, issuedUs: 0 },
    "app",
    "write 17 acknowledged after 0.002345 s",
  ],
  [
    {
      kind: "write_failed",
      tUs: 1_000_100,
      client: "app",
      id: 18,
      issuedUs: 100,
      reason: "timeout",
    },
    "app",
    "write 18 failed: timeout after 1.000000 s",
  ],
  [
    { kind: "replicated", tUs: 1, node: "db2", lagUs: 50_000, position: 123 },
    "db2",
    "replicated: received up to position 123, lag 0.050000 s",
  ],
  [
    {
      kind: "writes_lost",
      tUs: 1,
      node: "db1",
      count: 12,
      firstUs: 10_000_000,
      lastUs: 12_500_000,
      rpoUs: 2_500_000,
    },
    "db1",
    "writes lost: 12 acknowledged writes accepted between 10.000000 s and 12.500000 s, rpo 2.500000 s",
  ],
  [
    { kind: "run_end", tUs: 1, authority: "db2" },
    "db2",
    "run end: db2 holds the authoritative history",
  ],
];

describe("describeEvent", () => {
  it.each(cases)("%# %o", (event, node, detail) => {
    expect(describeEvent(event)).toEqual({ node, detail });
  });
});
