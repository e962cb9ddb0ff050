// Client-observed downtime (downtime.ts): the time owned by failed writes in issue order, shared
// with the per-group accounts, which hand it over when there is one client group.
import { defineMetric } from "../metric.ts";

export const downtimeS = defineMetric({
  column: "downtime_s",
  definition:
    "client-observed: writes are ordered by issue time; each owns the time until the next " +
    "write's issue (the last one, until the end of the run); downtime is the total time " +
    "owned by failed writes, within [0, duration]",
  explanation:
    "Client-observed downtime: each write owns the time until the next write is issued, " +
    "and downtime is the time owned by failed writes.",
  format: "seconds",
  measure:
    ({ shared }) =>
    () =>
      shared.downtime.seconds(),
});
