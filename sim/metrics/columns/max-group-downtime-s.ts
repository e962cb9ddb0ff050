// The worst client group's downtime, from the per-group accounts (groups.ts).
import { defineMetric } from "../metric.ts";

export const maxGroupDowntimeS = defineMetric({
  column: "max_group_downtime_s",
  definition:
    "the longest `downtime_s` among client groups, each computed on the group's own " +
    "writes in the group's own issue order (a write owns the time until the group's next " +
    "write; the group's last, until the end of the run); empty without client groups",
  explanation:
    "The downtime of the worst client group: downtime_s computed on each group's own " +
    "writes, the longest.",
  format: "seconds",
  measure:
    ({ shared }) =>
    () =>
      shared.worstGroup().maxDowntimeS,
});
