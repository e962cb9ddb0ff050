// A node's options beyond its readiness column: its restart policy (model/restart-policy.ts)
// with the back-off in µs; its autoscaling (a pool server with a capacity only); and — for a
// partial stand-in — the client groups it serves, checked once the groups are known: each a
// group of the scenario, and only on a database node.
// Problems are reported into the resolve context, never thrown.
import type { AutoscaleConfig, ClientConfig, NodeConfig, RestartConfig } from "../model/index.ts";
import { parseDuration, reportAt, type ResolveContext } from "../dsl/index.ts";
import { defaults } from "./defaults.ts";
import type { ParsedScenario } from "./schema.ts";

type ParsedNode = ParsedScenario["nodes"][string];

export function restartOf(node: ParsedNode): RestartConfig {
  const backOff = defaults.node.restartBackOff;
  return {
    policy: node.restartPolicy ?? defaults.node.restartPolicy,
    initialUs: node.restartBackOff?.initial ?? parseDuration(backOff.initial),
    maxUs: node.restartBackOff?.max ?? parseDuration(backOff.max),
    resetAfterUs: node.restartBackOff?.resetAfter ?? parseDuration(backOff.resetAfter),
  };
}

/** A pool server's autoscaling, defaults filled in; it needs a capacity to grow. */
export function autoscaleOf(
  name: string,
  node: ParsedNode,
  context: ResolveContext,
): AutoscaleConfig | null {
  const scale = node.autoscale;
  if (scale === undefined) return null;
  if (node.role !== "server")
    reportAt(
      context,
      ["nodes", name, "autoscale"],
      `no autoscale on a ${node.role} (a pool server stands for a fleet that scales)`,
      JSON.stringify(node.autoscale),
    );
  else if (node.capacity === undefined || node.capacity === Infinity)
    reportAt(
      context,
      ["nodes", name, "capacity"],
      "a capacity for an autoscaled server (the instances it starts with × autoscale.instance)",
      "unlimited",
    );
  const base = defaults.node.autoscale;
  return {
    instanceCapacityPerS: scale.instance,
    targetUtilization: scale.targetUtilization ?? base.targetUtilization,
    periodUs: scale.period ?? parseDuration(base.period),
    periods: scale.periods ?? base.periods,
    launchUs: scale.launchIn ?? parseDuration(base.launchIn),
    maxInstances: scale.maxInstances ?? base.maxInstances,
  };
}

/** `serves` names client groups of the scenario, and only a database node serves any. */
export function checkServes(
  nodes: readonly NodeConfig[],
  clients: readonly ClientConfig[],
  context: ResolveContext,
): void {
  const groups = clients.map((client) => client.name);
  for (const node of nodes) {
    if (node.serves === null) continue;
    if (node.role !== "primary" && node.role !== "standby") {
      reportAt(
        context,
        ["nodes", node.name, "serves"],
        `no serves on a ${node.role} (serves limits what a database node serves as primary)`,
        JSON.stringify(node.serves),
      );
      continue;
    }
    node.serves.forEach((group, index) => {
      if (!groups.includes(group))
        reportAt(
          context,
          ["nodes", node.name, "serves", index],
          `the name of a client group (${groups.map((name) => JSON.stringify(name)).join(", ") || "none"})`,
          JSON.stringify(group),
        );
    });
  }
}
