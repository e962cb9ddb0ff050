// A detector's settings as the scenario layer resolves them (every default filled in), for tests
// that drive detectors without a world: a scenario with only that `detector`, one data node and a
// monitor. The lease settings come along, as the lease detector reads its TTL from them.
import { resolveScenario } from "../../sim/scenario/index.ts";

export function detectorAlone(detector: unknown) {
  const scenario = {
    name: "detector",
    summary: "A detector alone.",
    duration: "1m",
    nodes: { db1: { role: "primary" }, mon: { role: "monitor" } },
    detector,
  };
  const { detector: config, failover } = resolveScenario(scenario, { file: "detector" }).world;
  return { config, lease: failover.lease };
}
