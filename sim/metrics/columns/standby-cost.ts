// Standby cost: what the configured standbys cost per hour — the sum of costPerHour of every
// node whose configured role is "standby". It reads the configuration, not the trace: the price
// of readiness is paid whether or not a failover happens. Cost units are the scenario's own.
import type { WorldConfig } from "../../model/index.ts";
import { defineMetric } from "../metric.ts";

export function standbyCostPerHour(config: WorldConfig): number {
  let total = 0;
  for (const node of config.nodes) if (node.role === "standby") total += node.costPerHour;
  return total;
}

export const standbyCost = defineMetric({
  column: "standby_cost",
  definition:
    "sum of `costPerHour` over the nodes configured as standbys (hot, warm and cold " +
    "alike), per hour",
  explanation: "Running cost per hour of the nodes configured as standbys.",
  format: "decimal",
  measure: ({ config }) => {
    const cost = standbyCostPerHour(config);
    return () => cost;
  },
});
