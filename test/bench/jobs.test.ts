// The benchmark jobs count what they say (never a timing): on short runs, a heartbeat round is
// one monitor's round at one data node — every round pings and hears a pong from every node —
// and the write job's writes are what its figure divides by.
import { afterEach, describe, expect, it } from "vitest";
import { Simulation } from "../../sim/engine/index.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { heartbeatJob } from "./jobs/heartbeat-job.ts";
import {
  heartbeatJobShape,
  heartbeatNodeRounds,
  heartbeatRounds,
  writeJobShape,
} from "./jobs/shapes.ts";
import { writeJob } from "./jobs/write-job.ts";

const next = Simulation.prototype.next;
afterEach(() => {
  Simulation.prototype.next = next;
});

/** Runs a scenario counting the engine's events by kind (a delivery by its message type). */
function eventsByKind(scenario: unknown): { kinds: Map<string, number>; total: number } {
  const kinds = new Map<string, number>();
  let total = 0;
  Simulation.prototype.next = function (untilUs: number) {
    const event = next.call(this, untilUs) as
      { kind: string; message?: { type: string } } | undefined;
    if (event !== undefined) {
      const key = event.message === undefined ? event.kind : `deliver:${event.message.type}`;
      kinds.set(key, (kinds.get(key) ?? 0) + 1);
      total++;
    }
    return event;
  };
  runScenario(scenario, { file: "job.ts", trace: "none" });
  Simulation.prototype.next = next;
  return { kinds, total };
}

describe("the heartbeat job", () => {
  it.each([1, 2])("with %i monitor(s): rounds × nodes, each a ping and a pong", (monitors) => {
    const durationS = 10;
    const { kinds, total } = eventsByKind(heartbeatJob(durationS, monitors));
    const rounds = heartbeatRounds(durationS);
    expect(rounds).toBe(101);
    expect(kinds.get("heartbeat")).toBe(rounds * monitors);
    // The round at the end itself pings, but its pings arrive after the run.
    const answered = (rounds - 1) * heartbeatJobShape.dataNodes * monitors;
    expect(kinds.get("deliver:ping")).toBe(answered);
    expect(kinds.get("deliver:pong")).toBe(answered);
    expect(heartbeatNodeRounds(durationS, monitors)).toBe(
      rounds * heartbeatJobShape.dataNodes * monitors,
    );
    // Nothing but failure detection runs: no writes, no status reports, no faults.
    const detection = ["heartbeat", "deliver:ping", "deliver:pong", "verdict-check"];
    if (monitors > 1) detection.push("deliver:verdicts");
    expect([...kinds.keys()].filter((kind) => !detection.includes(kind))).toEqual([]);
    expect(total).toBeGreaterThan(2 * answered);
  });
});

describe("the write job", () => {
  it("writes at its rate, and its monitor adds next to nothing", () => {
    const durationS = 10;
    const { kinds } = eventsByKind(writeJob(durationS));
    const writes = kinds.get("issue-write")!;
    expect(Math.abs(writes - writeJobShape.writesPerS * durationS)).toBeLessThan(
      0.1 * writeJobShape.writesPerS * durationS,
    );
    expect(kinds.get("deliver:write")).toBe(writes);
    const probes = (kinds.get("deliver:ping") ?? 0) + (kinds.get("verdict-check") ?? 0);
    expect(probes / writes).toBeLessThan(0.01);
  });
});
