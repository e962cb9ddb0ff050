// The worst client group's availability, from the per-group accounts (groups.ts).
import { defineMetric } from "../metric.ts";

export const minGroupAvailability = defineMetric({
  column: "min_group_availability",
  definition:
    "the lowest `availability` among client groups, each computed on the group's own " +
    "writes; empty if no group wrote",
  explanation:
    "The availability of the worst client group: each group's acknowledged writes as a " +
    "fraction of its attempted writes, the lowest.",
  format: "fraction",
  measure:
    ({ shared }) =>
    () =>
      shared.worstGroup().minAvailability,
});
