// The whole summary row from one small hand-made incident.
import { describe, expect, it } from "vitest";
import { SummaryObserver, summarize } from "../../sim/metrics/summary.ts";
import { perWriteKinds, type TraceEvent } from "../../sim/model/index.ts";
import {
  crash,
  initialRoles,
  promoted,
  role,
  runEnd,
  timeOrdered,
  tinyWorld,
  us,
  write,
} from "./trace-fixtures.ts";

describe("summary row", () => {
  it("computes every metric of one crash-and-failover story", () => {
    // 10 s run, one write per second at 0 … 9 s (1 s timeout). db1 crashes at 3.5 s; mon
    // suspects it at 5.5 s (detection 2 s); db2 is promoted at 6.2 s; writes at 4, 5, 6 s fail
    // and 7 s is acknowledged → downtime [4, 7) = 3 s, rto 7 − 3.5 = 3.5 s, availability 7/10.
    // db1 had 2 acknowledged writes db2 never got: lost 2, rpo 0.8 s. Max lag 0.05 s.
    const events: TraceEvent[] = [
      ...initialRoles(),
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((id) =>
        write(id, id, id >= 4 && id <= 6 ? "fail" : "ack"),
      ),
      { kind: "replicated", tUs: us(1.1), node: "db2", lagUs: us(0.05), position: 2 },
      crash("db1", 3.5),
      { kind: "node_down", tUs: us(3.5), node: "db1" },
      { kind: "suspect", tUs: us(5.5), monitor: "mon", node: "db1" },
      role("db2", 5.6, "promoting", 2),
      role("db2", 6.2, "primary", 2),
      promoted("db2", 6.2, { previous: "db1", previousAlive: false }),
      {
        kind: "writes_lost",
        tUs: us(11),
        node: "db1",
        count: 2,
        firstUs: us(2.9),
        lastUs: us(3.0),
        rpoUs: us(0.8),
      },
      runEnd(11),
    ];
    expect(summarize(tinyWorld({ durationS: 10 }), timeOrdered(events))).toEqual({
      writes_attempted: 10,
      writes_acked: 7,
      writes_failed: 3,
      availability: 0.7,
      downtime_s: 3,
      failovers: 1,
      false_failovers: 0,
      failbacks: 0,
      flaps: 0,
      split_brain_s: 0,
      lost_writes: 2,
      divergent_writes: 0,
      detection_s: 2,
      rto_s: 3.5,
      rpo_s: 0.8,
      max_lag_s: 0.05,
      standby_cost: 3.5,
      // No reads, no pool; one client group, so the worst group is the whole run.
      reads_attempted: 0,
      reads_served: 0,
      reads_failed: 0,
      ryw_violations: 0,
      sessions_lost: 0,
      min_group_availability: 0.7,
      max_group_downtime_s: 3,
      // No restart policy, no circuit breaker, no partial stand-in.
      restarts: 0,
      writes_fallback: 0,
      partial_service_s: 0,
    });
  });

  it("says of each event whether it was a per-write one, as perWriteKinds does", () => {
    // The run's observers route by this answer (run-observers.ts), so it must agree with the set
    // the trace levels keep by, for every per-write kind and for the timeline's events.
    const perWrite: TraceEvent[] = [
      ...write(1, 1, "ack"),
      ...write(2, 2, "fail"),
      { kind: "write_accepted", tUs: us(1), node: "db1", id: 1, divergent: false },
      { kind: "replicated", tUs: us(1.1), node: "db2", lagUs: us(0.05), position: 1 },
      { kind: "read", tUs: us(2), client: "app", node: "db1", outcome: "fresh", issuedUs: us(2) },
      { kind: "request_served", tUs: us(2), node: "db1", client: "app" },
      { kind: "session_lost", tUs: us(2), client: "app", node: "db1", user: 3 },
    ];
    const events = timeOrdered([...initialRoles(), ...perWrite, crash("db1", 3), runEnd(11)]);
    expect(new Set(perWrite.map((event) => event.kind))).toEqual(perWriteKinds);
    const observer = new SummaryObserver(tinyWorld());
    for (const event of events)
      expect([event.kind, observer.observe(event)]).toEqual([
        event.kind,
        perWriteKinds.has(event.kind),
      ]);
  });

  it("refuses values before run_end and events after it", () => {
    const observer = new SummaryObserver(tinyWorld());
    expect(() => observer.values()).toThrow(/before run_end/);
    observer.observe(runEnd(11));
    expect(() => observer.observe(crash("db1", 12))).toThrow(/after run_end/);
  });
});
