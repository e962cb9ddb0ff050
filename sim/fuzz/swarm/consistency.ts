// Whether a run's metrics mean what they say, judged against its own trace. Checked on every
// swarm run and every run of the end-to-end matrix, whatever the configuration promises:
// - authority: a node accepts a write only as primary, and only in an epoch it was promoted into
//   (a `promoted` event) — the original primary in epoch 1 — so no node takes writes by a path
//   that no failover counts;
// - counts: failovers is the number of `promoted` events, failbacks and false failovers are among
//   them; attempted writes are acknowledged or failed; lost writes were acknowledged;
// - bounds: availability within [0, 1]; times within [0, duration] (or empty where allowed);
// - split brain: split_brain_s > 0 only when the timeline shows two nodes up and primary at once.
// The first few problems are kept, in trace order, each one line.
import { spokenDuration } from "../../dsl/index.ts";
import type { RunResult } from "../../run/index.ts";
import type { TraceEvent, WorldConfig } from "../../model/index.ts";
import type { Judge, Verdict } from "../invariants.ts";

const maxProblems = 5;

export function consistencyJudge(world: WorldConfig): Judge {
  const problems: string[] = [];
  const note = (problem: string) => {
    if (problems.length < maxProblems && !problems.includes(problem)) problems.push(problem);
  };
  const original = world.nodes.find((node) => node.role === "primary")?.name;
  const granted = new Set<string>(original === undefined ? [] : [`${original}@1`]);
  const roles = new Map<string, { role: string; epoch: number }>();
  let promotions = 0;
  return {
    observe(event: TraceEvent) {
      if (event.kind === "role") roles.set(event.node, { role: event.role, epoch: event.epoch });
      else if (event.kind === "promoted") {
        promotions++;
        granted.add(`${event.node}@${event.epoch}`);
      } else if (
        event.kind === "write_accepted" &&
        world.nodes.some((node) => node.name === event.node && node.role !== "server")
      ) {
        const current = roles.get(event.node);
        if (current?.role !== "primary")
          note(
            `${event.node} accepted a write at ${spokenDuration(event.tUs)} in role ${current?.role ?? "unknown"}`,
          );
        else if (!granted.has(`${event.node}@${current.epoch}`)) {
          note(
            `${event.node} accepted a write at ${spokenDuration(event.tUs)} as primary of epoch ${current.epoch}, into which it was never promoted`,
          );
        }
      }
    },
    verdict(result: RunResult): Verdict {
      for (const problem of metricProblems(result, promotions)) note(problem);
      return {
        violated: problems.length > 0,
        detail: problems.length > 0 ? problems.join("; ") : "metrics consistent with the trace",
      };
    },
  };
}

function metricProblems({ metrics, timeline, world }: RunResult, promotions: number): string[] {
  const problems: string[] = [];
  const value = (name: keyof typeof metrics) => metrics[name] ?? 0;
  const durationS = world.durationUs / 1e6;
  if (value("failovers") !== promotions)
    problems.push(`failovers = ${value("failovers")} but the trace has ${promotions} promotions`);
  if (value("failbacks") > value("failovers"))
    problems.push(`failbacks = ${value("failbacks")} exceeds failovers = ${value("failovers")}`);
  if (value("false_failovers") > value("failovers"))
    problems.push(
      `false_failovers = ${value("false_failovers")} exceeds failovers = ${value("failovers")}`,
    );
  if (value("writes_acked") + value("writes_failed") !== value("writes_attempted")) {
    problems.push(
      `writes_acked + writes_failed = ${value("writes_acked") + value("writes_failed")} but writes_attempted = ${value("writes_attempted")}`,
    );
  }
  if (value("lost_writes") > value("writes_acked"))
    problems.push(
      `lost_writes = ${value("lost_writes")} exceeds writes_acked = ${value("writes_acked")}`,
    );
  const availability = metrics.availability;
  if (
    availability !== null &&
    availability !== undefined &&
    !(availability >= 0 && availability <= 1)
  )
    problems.push(`availability = ${availability} is outside [0, 1]`);
  for (const name of ["downtime_s", "split_brain_s"] as const) {
    const seconds = metrics[name];
    if (seconds !== null && seconds !== undefined && !(seconds >= 0 && seconds <= durationS))
      problems.push(`${name} = ${seconds} is outside [0, ${durationS}]`);
  }
  for (const name of ["detection_s", "rto_s", "rpo_s", "max_lag_s"] as const) {
    const seconds = metrics[name];
    if (seconds !== null && seconds !== undefined && !(seconds >= 0))
      problems.push(`${name} = ${seconds} is negative or not a number`);
  }
  if (value("split_brain_s") > 0 && !twoPrimariesInTimeline(timeline))
    problems.push(
      `split_brain_s = ${value("split_brain_s")} but the timeline never shows two primaries up at once`,
    );
  return problems;
}

/** Whether two nodes' "primary" role intervals overlap while both are up, for any positive time. */
function twoPrimariesInTimeline(timeline: RunResult["timeline"]): boolean {
  const upAndPrimary: { node: string; startUs: number; endUs: number }[] = [];
  for (const role of timeline) {
    if (role.kind !== "role" || role.state !== "primary") continue;
    for (const state of timeline) {
      if (state.node !== role.node || state.kind !== "state" || state.state !== "up") continue;
      const startUs = Math.max(role.startUs, state.startUs);
      const endUs = Math.min(role.endUs, state.endUs);
      if (endUs > startUs) upAndPrimary.push({ node: role.node, startUs, endUs });
    }
  }
  return upAndPrimary.some((a) =>
    upAndPrimary.some(
      (b) => a.node !== b.node && Math.min(a.endUs, b.endUs) > Math.max(a.startUs, b.startUs),
    ),
  );
}
