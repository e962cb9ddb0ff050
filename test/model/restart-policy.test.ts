// The restart policy (sim/model/restart-policy.ts) and the crash-loop fault against values worked
// out by hand: the kubelet's back-off sequence (at once, then 10 s doubling to the 5-minute cap,
// forgiven after 10 minutes of running), and whole runs of pool servers whose restarts, rotation
// and failed requests follow from it.
import { describe, expect, it } from "vitest";
import type { RestartConfig, TraceEvent } from "../../sim/model/index.ts";
import { backOffAfterExit, type BackOffState } from "../../sim/model/restart-policy.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import {
  at,
  crash,
  crashLoop,
  crashLoopEnd,
  defineScenario,
  restart,
  type Scenario,
} from "../../sim/scenario/index.ts";

const S = 1_000_000;
const kubelet: RestartConfig = {
  policy: "always",
  initialUs: 10 * S,
  maxUs: 300 * S,
  resetAfterUs: 600 * S,
};

/** Exits `runS` after each start, starting at `firstExitS`: the wait before each restart. */
function waits(exits: number, runS: number): number[] {
  const state: BackOffState = { backOffUs: 0, startedUs: 0 };
  const result: number[] = [];
  let exitUs = 60 * S;
  for (let i = 0; i < exits; i++) {
    const { waitUs, nextBackOffUs } = backOffAfterExit(state, exitUs, kubelet);
    result.push(waitUs / S);
    state.backOffUs = nextBackOffUs;
    state.startedUs = exitUs + waitUs;
    exitUs = state.startedUs + runS * S;
  }
  return result;
}

describe("the kubelet's back-off", () => {
  it("restarts at once, then waits 10, 20, 40, 80, 160 s and 5 minutes from then on", () => {
    expect(waits(9, 5)).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300]);
  });

  it("a process that ran more than 10 minutes is forgiven: the next restart is at once again", () => {
    // Runs of 11 minutes: every exit counts as the first.
    expect(waits(4, 660)).toEqual([0, 0, 0, 0]);
    // Exactly 10 minutes is not more than 10 minutes: the back-off goes on.
    expect(waits(3, 600)).toEqual([0, 10, 20]);
  });
});

/** Three pods behind a load balancer checking every 5 s, 100 requests/s evenly spaced. */
function pods(faults: Scenario["faults"], policy: "always" | "never" = "always"): Scenario {
  const pod = (zone: string) => ({ role: "server", zone, restartPolicy: policy }) as const;
  return defineScenario({
    name: "pods",
    summary: "Three pods behind a Service.",
    duration: "15m",
    nodes: { api1: pod("a"), api2: pod("b"), api3: pod("c") },
    network: { latency: "1ms", jitter: "0ms" },
    clients: {
      writes: "100/s",
      zone: "edge",
      arrivals: "uniform",
      routing: { lb: { interval: "5s", timeout: "1s", fall: 3, rise: 1 } },
    },
    faults,
  });
}

function run(scenario: Scenario) {
  const trace: TraceEvent[] = [];
  const result = runScenario(scenario, { file: "pods.ts", onTrace: (event) => trace.push(event) });
  const of = (kind: TraceEvent["kind"], node = "api1") =>
    trace.flatMap((event) =>
      event.kind === kind && "node" in event && event.node === node ? [event.tUs / S] : [],
    );
  return { result, trace, of };
}

describe("a restart policy in a run", () => {
  it("a one-off exit: out of rotation and restarted at the same instant; no request fails", () => {
    const { result, trace, of } = run(pods([at("62s", crash("api1"))]));
    expect(of("auto_restart")).toEqual([62]);
    expect(of("back_off")).toEqual([]);
    const out = trace.find((event) => event.kind === "lb_down");
    expect(out).toMatchObject({ tUs: 62 * S, node: "api1", notReady: true });
    // Back at the deadline of the check sent at 65 s (1 s later): the first after the restart.
    expect(of("lb_up")).toEqual([66]);
    expect(result.metrics.writes_failed).toBe(0);
    expect(result.metrics.restarts).toBe(1);
    expect(result.metrics.detection_s).toBe(0);
  });

  it("without one, the exit is found by three failed checks and the pod stays down", () => {
    const { result, of } = run(pods([at("62s", crash("api1"))], "never"));
    // Checks at 65, 70 and 75 s go unanswered; each fails at its 1 s deadline.
    expect(of("lb_down")).toEqual([76]);
    expect(of("auto_restart")).toEqual([]);
    // A third of 100 requests/s (round-robin) reached the dead pod from 62 s to 76 s: 14 s ≈ 467.
    expect(result.metrics.writes_failed).toBeGreaterThanOrEqual(460);
    expect(result.metrics.writes_failed).toBeLessThanOrEqual(470);
    expect(result.metrics.detection_s).toBe(14);
  });

  it("a crash loop: restarts paced 0, 10, 20, 40 … s; a fix waits out the current back-off", () => {
    // Exits 5 s after each start from 60 s; the cause is gone at 400 s.
    const { of } = run(
      pods([at("60s", crashLoop("api1", "5s")), at("400s", crashLoopEnd("api1"))]),
    );
    // Exits at 60, 65, 80, 105, 150, 235; restarts after 0, 10, 20, 40, 80, 160 s; the sixth
    // restart (395 s) runs until 400 s and beyond: the fix came while it ran.
    expect(of("auto_restart")).toEqual([60, 75, 100, 145, 230, 395]);
    expect(of("node_down")).toEqual([60, 65, 80, 105, 150, 235]);
    expect(of("back_off")).toEqual([65, 80, 105, 150, 235]);
  });

  it("a fix during a back-off: the pod starts only when the back-off ends", () => {
    const { of, result } = run(
      pods([at("60s", crashLoop("api1", "5s")), at("300s", crashLoopEnd("api1"))]),
    );
    // The exit at 235 s waits 160 s: the restart at 395 s is the first after the fix at 300 s.
    expect(of("auto_restart").at(-1)).toBe(395);
    expect(of("node_down").at(-1)).toBe(235);
    expect(result.metrics.restarts).toBe(6);
  });

  it("a fix of a pod nobody restarts starts it", () => {
    const { of } = run(
      pods([at("60s", crashLoop("api1", "5s")), at("300s", crashLoopEnd("api1"))], "never"),
    );
    expect(of("node_down")).toEqual([60]);
    expect(of("node_up")).toEqual([300]);
  });

  it("a scenario's restart() of a pod in back-off starts it; the pending restart is dropped", () => {
    const { of } = run(
      pods([
        at("60s", crashLoop("api1", "5s")),
        at("67s", crashLoopEnd("api1")),
        at("68s", restart("api1")),
      ]),
    );
    // Exit at 60 s, restart at once, exit at 65 s with a 10 s back-off (75 s); the restart at
    // 68 s comes first, and the policy's own at 75 s is dropped.
    expect(of("node_up")).toEqual([60, 68]);
    expect(of("auto_restart")).toEqual([60]);
  });
});
