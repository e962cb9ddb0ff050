// The registry of summary metrics: one module per metric, in summary.csv's column order — the
// only list. It is a tuple, not a map, because the order is the file's; its type is held equal,
// column for column, to metricColumns (scenario/metric-names.ts), so the two cannot drift.
import type { MetricColumn, metricColumns } from "../../scenario/metric-names.ts";
import type { Metric } from "../metric.ts";
import { writesAttempted } from "./writes-attempted.ts";
import { writesAcked } from "./writes-acked.ts";
import { writesFailed } from "./writes-failed.ts";
import { availability } from "./availability.ts";
import { downtimeS } from "./downtime-s.ts";
import { failovers } from "./failovers.ts";
import { falseFailovers } from "./false-failovers.ts";
import { failbacks } from "./failbacks.ts";
import { flaps } from "./flaps.ts";
import { splitBrainS } from "./split-brain-s.ts";
import { lostWrites } from "./lost-writes.ts";
import { divergentWrites } from "./divergent-writes.ts";
import { detectionS } from "./detection-s.ts";
import { rtoS } from "./rto-s.ts";
import { rpoS } from "./rpo-s.ts";
import { maxLagS } from "./max-lag-s.ts";
import { standbyCost } from "./standby-cost.ts";
import { readsAttempted } from "./reads-attempted.ts";
import { readsServed } from "./reads-served.ts";
import { readsFailed } from "./reads-failed.ts";
import { rywViolations } from "./ryw-violations.ts";
import { sessionsLost } from "./sessions-lost.ts";
import { minGroupAvailability } from "./min-group-availability.ts";
import { maxGroupDowntimeS } from "./max-group-downtime-s.ts";
import { restarts } from "./restarts.ts";
import { writesFallback } from "./writes-fallback.ts";
import { partialServiceS } from "./partial-service-s.ts";

export const metrics = [
  writesAttempted,
  writesAcked,
  writesFailed,
  availability,
  downtimeS,
  failovers,
  falseFailovers,
  failbacks,
  flaps,
  splitBrainS,
  lostWrites,
  divergentWrites,
  detectionS,
  rtoS,
  rpoS,
  maxLagS,
  standbyCost,
  readsAttempted,
  readsServed,
  readsFailed,
  rywViolations,
  sessionsLost,
  minGroupAvailability,
  maxGroupDowntimeS,
  restarts,
  writesFallback,
  partialServiceS,
] as const;

type ColumnsOf<T extends readonly Metric[]> = {
  readonly [I in keyof T]: T[I] extends Metric<infer C> ? C : never;
};
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** A type error here: the registry and metricColumns list different columns, or in another order. */
const sameColumns: Same<ColumnsOf<typeof metrics>, typeof metricColumns> = true;
void sameColumns;

/** summary.csv's metric columns, in order. */
export const summaryColumns: readonly MetricColumn[] = metrics.map((metric) => metric.column);

/** The metric of a column. */
export function metricOf(column: MetricColumn): Metric {
  const metric = metrics.find((candidate) => candidate.column === column);
  if (metric === undefined) throw new Error(`no metric ${column}`);
  return metric;
}
