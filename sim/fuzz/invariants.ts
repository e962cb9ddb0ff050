// The invariants `sim fuzz` checks: a registry keyed by the names of invariant-names.ts (its type
// makes every name have exactly one entry). Each judges one run: safety ones from the summary metrics, the liveness one from the
// trace, the scenario's own from its expectations.
// - no-lost-acked-writes: lost_writes = 0 — nothing acknowledged to a client is missing from
//   the final authoritative history;
// - single-writable-primary: split_brain_s = 0 — never two nodes accepting writes as primary;
// - recovers-after-faults: every write issued from (end of the last fault + the settle period)
//   until the end of the run is acknowledged (a schedule with a fault lasting to the end of the
//   run cannot be judged, and passes);
// - expect: the scenario's `expect` holds (runScenario's breaches are empty).
import { spokenDuration } from "../dsl/index.ts";
import type { TraceEvent } from "../model/index.ts";
import { formatMetric } from "../metrics/index.ts";
import type { RunResult } from "../run/index.ts";
import { lastEndUs, type Episode } from "./episode.ts";
import type { InvariantName } from "./invariant-names.ts";

export interface Verdict {
  violated: boolean;
  /** What the run showed, e.g. "lost_writes = 12", one line. */
  detail: string;
}

export interface InvariantContext {
  schedule: readonly Episode[];
  settleUs: number;
  durationUs: number;
}

/** Judges one run: sees its trace as it is emitted (optional), then the result. */
export interface Judge {
  observe?(event: TraceEvent): void;
  verdict(result: RunResult): Verdict;
}

export interface Invariant {
  /** One line: what must hold. */
  summary: string;
  /** Liveness needs every fault repaired, so dropping a repair never helps the shrinker. */
  needsRepairs: boolean;
  /** The reproducer's `expect`, as source text, so `sim run` exits 1 on it; null keeps the scenario's own. */
  expectSource: string | null;
  /** How `sim run` of the reproducer shows the violation, one sentence. */
  shownBy: string;
  judge(context: InvariantContext): Judge;
}

export const invariants: Record<InvariantName, Invariant> = {
  "no-lost-acked-writes": {
    summary: "lost_writes = 0: every acknowledged write is in the final authoritative history",
    needsRepairs: false,
    expectSource: "{ lostWrites: 0 }",
    shownBy: "`sim run` exits 1: the expectation below is this invariant, and it is not met.",
    judge: () => ({
      verdict: ({ metrics }) => ({
        violated: (metrics.lost_writes ?? 0) > 0,
        detail: `lost_writes = ${metrics.lost_writes}, rpo_s = ${formatMetric("rpo_s", metrics.rpo_s)}, failovers = ${metrics.failovers}`,
      }),
    }),
  },
  "single-writable-primary": {
    summary: "split_brain_s = 0: never two nodes accepting writes as primary at once",
    needsRepairs: false,
    expectSource: "{ splitBrainS: 0 }",
    shownBy: "`sim run` exits 1: the expectation below is this invariant, and it is not met.",
    judge: () => ({
      verdict: ({ metrics }) => ({
        violated: (metrics.split_brain_s ?? 0) > 0,
        detail: `split_brain_s = ${formatMetric("split_brain_s", metrics.split_brain_s)}, divergent_writes = ${metrics.divergent_writes}, failovers = ${metrics.failovers}`,
      }),
    }),
  },
  "recovers-after-faults": {
    summary:
      "every write issued from the end of the last fault + the settle period on is acknowledged",
    needsRepairs: true,
    expectSource: null,
    shownBy:
      "`sim run` shows it in report.html (write availability over time) and events.csv; it exits 1 only if the scenario's own expectations fail.",
    judge: recoveryJudge,
  },
  expect: {
    summary: "the scenario's own expectations (expect) hold",
    needsRepairs: false,
    expectSource: null,
    shownBy: "`sim run` exits 1: the scenario's own expectations are not met.",
    judge: () => ({
      verdict: ({ breaches }) => ({
        violated: breaches.length > 0,
        detail: breaches.length > 0 ? breaches.join("; ") : "every expectation met",
      }),
    }),
  },
};

/** Writes issued at or after the deadline: all must be acknowledged. */
function recoveryJudge({ schedule, settleUs, durationUs }: InvariantContext): Judge {
  const endUs = lastEndUs(schedule);
  const deadlineUs = endUs === null ? null : endUs + settleUs;
  let acked = 0;
  let failed = 0;
  let firstFailure: { issuedUs: number; reason: string } | null = null;
  const watched = (issuedUs: number) =>
    deadlineUs !== null && issuedUs >= deadlineUs && issuedUs < durationUs;
  return {
    observe(event) {
      if (event.kind === "write_acked" && watched(event.issuedUs)) acked++;
      if (event.kind === "write_failed" && watched(event.issuedUs)) {
        failed++;
        firstFailure ??= { issuedUs: event.issuedUs, reason: event.reason };
      }
    },
    verdict() {
      if (endUs === null || deadlineUs === null)
        return { violated: false, detail: "a fault lasts to the end of the run: nothing to judge" };
      const after = `issued from ${spokenDuration(deadlineUs)} on (last fault over at ${spokenDuration(endUs)}, + ${spokenDuration(settleUs)} to settle)`;
      if (firstFailure === null)
        return { violated: false, detail: `all ${acked} writes ${after} acknowledged` };
      return {
        violated: true,
        detail: `${failed} of ${acked + failed} writes ${after} failed; the first, issued at ${spokenDuration(firstFailure.issuedUs)}: ${firstFailure.reason}`,
      };
    },
  };
}
