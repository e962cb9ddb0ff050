// Detection: per incident, the fault → the first suspicion of a node it reaches, while it lasts
// (0 when one is already suspected); the worst over detected incidents. Answers computed by hand.
import { describe, expect, it } from "vitest";
import { reachedNodes, topologyOf } from "../../sim/metrics/incident-reach.ts";
import { summarize } from "../../sim/metrics/summary.ts";
import type { Fault, TraceEvent, WorldConfig } from "../../sim/model/index.ts";
import { crash, heal, initialRoles, runEnd, timeOrdered, tinyWorld, us } from "./trace-fixtures.ts";

function detectionOf(events: TraceEvent[]): number | null {
  return summarize(
    tinyWorld({ durationS: 60 }),
    timeOrdered([...initialRoles(), ...events, runEnd(61)]),
  ).detection_s;
}

const suspect = (node: string, atS: number, monitor = "mon"): TraceEvent => ({
  kind: "suspect",
  tUs: us(atS),
  monitor,
  node,
});
const trust = (node: string, atS: number, monitor = "mon"): TraceEvent => ({
  kind: "trust",
  tUs: us(atS),
  monitor,
  node,
});
const fault = (atS: number, value: Fault): TraceEvent => ({
  kind: "fault",
  tUs: us(atS),
  fault: value,
  label: value.kind,
});
const nodeUp = (node: string, atS: number): TraceEvent => ({ kind: "node_up", tUs: us(atS), node });

describe("detection_s", () => {
  it("takes the worst of two incidents, each detected by a suspicion of a node it reaches", () => {
    // A false suspicion at 5 s precedes every fault and is over before them: ignored.
    // Crash db1 at 10 s, db1 suspected at 13 s → 3 s.
    // Partition db1 | db2,mon at 30 s reaches db1 only (cut from mon); db2 suspected at 33 s is
    // not caused by it; db1 suspected at 35 s → 5 s. The heal at 40 s repairs. Worst: 5 s.
    const events = [
      suspect("db2", 5),
      trust("db2", 6),
      crash("db1", 10),
      suspect("db1", 13),
      trust("db1", 20),
      fault(30, { kind: "partition", groups: [["db1"], ["db2", "mon"]] }),
      suspect("db2", 33),
      suspect("db1", 35),
      heal(40),
    ];
    expect(detectionOf(events)).toBe(5);
  });

  it("is 0 when the node the fault hits is already suspected", () => {
    // Loss toward the monitor made it suspect db1 at 12 s; db1 crashes at 15 s: already detected.
    expect(detectionOf([suspect("db1", 12), crash("db1", 15), suspect("db2", 17)])).toBe(0);
  });

  it("is not charged to a later, unrelated suspicion", () => {
    // db2 has been suspected since 5 s (a standing false suspicion of another node); db1 crashes at
    // 10 s and is suspected 1.25 s later; db3's suspicion at 24.97 s detects nothing.
    expect(
      detectionOf([
        suspect("db2", 5),
        crash("db1", 10),
        suspect("db1", 11.25),
        suspect("db3", 24.97),
      ]),
    ).toBe(1.25);
    // Without the suspicion of db1, the crash is never detected: the others do not count.
    expect(detectionOf([suspect("db2", 5), crash("db1", 10), suspect("db3", 24.97)])).toBeNull();
  });

  it("counts only suspicions while the fault lasts", () => {
    // db2 crashes at 10 s and is up again at 11 s, before any suspicion; db2 suspected at 12 s is late.
    expect(detectionOf([crash("db2", 10), nodeUp("db2", 11), suspect("db2", 12)])).toBeNull();
    // A 2 s blip between db1 and the monitor is over at 12 s: a suspicion at 12.5 s is after it.
    expect(
      detectionOf([
        fault(10, { kind: "blip", groups: [["db1"], ["mon"]], durationUs: us(2) }),
        suspect("db1", 12.5),
      ]),
    ).toBeNull();
    // The same blip, suspected at 11.5 s: 1.5 s.
    expect(
      detectionOf([
        fault(10, { kind: "blip", groups: [["db1"], ["mon"]], durationUs: us(2) }),
        suspect("db1", 11.5),
      ]),
    ).toBe(1.5);
    // heal() ends a partition: a suspicion after it detects nothing.
    expect(
      detectionOf([
        fault(10, { kind: "partition", groups: [["db1"], ["mon"]] }),
        heal(11),
        suspect("db1", 13),
      ]),
    ).toBeNull();
  });

  it("counts a suspicion in the same microsecond as the fault as 0", () => {
    expect(detectionOf([crash("db1", 10), suspect("db1", 10)])).toBe(0);
  });

  it("leaves out a fault that reaches no watched node, and is null with no incident or no suspicion", () => {
    expect(detectionOf([crash("mon", 10), suspect("db1", 11)])).toBeNull();
    expect(detectionOf([suspect("db1", 3)])).toBeNull();
    expect(detectionOf([crash("db1", 10)])).toBeNull();
  });
});

describe("the nodes a fault reaches", () => {
  // Zones: a holds db1 and the clients, b holds db2 and mon; the pool group "web" balances s1, s2.
  const world: WorldConfig = (() => {
    const base = tinyWorld();
    const [db1, db2, , mon] = base.nodes;
    const server = (name: string) => ({ ...db1, name, role: "server" as const, zone: "a" });
    return {
      ...base,
      nodes: [
        { ...db1, zone: "a" },
        { ...db2, zone: "b" },
        { ...mon, zone: "b" },
        server("s1"),
        server("s2"),
      ],
      clients: [
        { ...base.clients[0], zone: "a" },
        {
          ...base.clients[0],
          name: "web",
          zone: "c",
          routing: {
            kind: "lb",
            servers: ["s1", "s2"],
            intervalUs: us(1),
            timeoutUs: us(1),
            rise: 2,
            fall: 3,
          },
        },
      ],
    };
  })();
  const reached = (value: Fault) => [...reachedNodes(value, topologyOf(world))].sort();

  it("a node fault reaches the node it names, or every watched node of a zone", () => {
    expect(reached({ kind: "crash", node: "db1" })).toEqual(["db1"]);
    expect(reached({ kind: "pause", node: "s2", durationUs: 1 })).toEqual(["s2"]);
    expect(reached({ kind: "crash", node: "mon" })).toEqual([]);
    expect(reached({ kind: "zone-outage", zone: "a", restore: false })).toEqual([
      "db1",
      "s1",
      "s2",
    ]);
  });

  it("a network fault reaches the watched nodes it cuts off from a watcher", () => {
    expect(reached({ kind: "partition", groups: [["a"], ["b"]] })).toEqual(["db1"]);
    expect(reached({ kind: "partition", groups: [["db1"], ["db2"]] })).toEqual([]);
    expect(reached({ kind: "isolate", target: "mon" })).toEqual(["db1", "db2"]);
    expect(reached({ kind: "isolate", target: "web" })).toEqual(["s1", "s2"]);
    expect(reached({ kind: "one-way", from: ["mon"], to: ["db2"] })).toEqual(["db2"]);
    expect(reached({ kind: "blip", groups: [["s1"], ["c"]], durationUs: 1 })).toEqual(["s1"]);
    expect(
      reached({
        kind: "degrade",
        groups: [["db2"]],
        lossProbability: 1,
        extraDelayUs: 0,
        flaky: null,
        durationUs: 0,
      }),
    ).toEqual(["db2"]);
    expect(reached({ kind: "heal" })).toEqual([]);
  });
});
