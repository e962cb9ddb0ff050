// Read-your-writes violations: served reads with outcome "stale" (reads.ts).
import { defineMetric } from "../metric.ts";

export const rywViolations = defineMetric({
  column: "ryw_violations",
  definition:
    "read-your-writes violations: served reads whose node's applied log lacked the " +
    "reading connection's last acknowledged write (as of when the read was sent) — a " +
    "standby that had not applied it yet, or a node whose history does not contain it " +
    "(another timeline); reads from a connection with no acknowledged write yet cannot " +
    "violate",
  explanation:
    "Read-your-writes violations: reads answered by a node that had not applied the " +
    "reading connection's last acknowledged write — a lagging standby, or a node on " +
    "another timeline.",
  format: "count",
  measure:
    ({ shared }) =>
    () =>
      shared.reads.read().rywViolations,
});
