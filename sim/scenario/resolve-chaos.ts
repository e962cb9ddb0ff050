// The chaos plan of a scenario resolved and drawn: each entry's `nodes` names nodes, zones (every
// node placed there) or roles (aimed at whichever node holds the role when the fault comes,
// model/aim.ts), and defaults to the database nodes and pool servers; a word that is both a role
// and a node or zone of the scenario is ambiguous. The plan is held against the fault limit
// before anything is drawn (limit-estimates.ts), and the faults are drawn from the run's seed
// (chaos.ts). Problems are reported into the resolve context, never thrown.
import { aimRoles, type AimRole, type ClientConfig, type NodeConfig } from "../model/index.ts";
import { listChoices, reportAt, type ResolveContext } from "../dsl/index.ts";
import { chaosProblem } from "./limit-estimates.ts";
import type { Limits } from "./limits.ts";
import { drawChaos, type ChaosTarget } from "./chaos.ts";
import type { ParsedScenario } from "./schema.ts";

export function resolveChaos(
  spec: ParsedScenario,
  nodes: NodeConfig[],
  clients: ClientConfig[],
  context: ResolveContext,
  seed: number,
  limits: Limits,
) {
  const chaos = spec.chaos;
  if (chaos === undefined) return [];
  const pick = (list: string[] | undefined, kind: string) =>
    targetsOf(list, nodes, (index, expected) =>
      reportAt(context, ["chaos", kind, "nodes", index], expected),
    );
  const episodes = (kind: "blip" | "pause") => {
    const entry = chaos[kind];
    return (
      entry && {
        everyUs: entry.every,
        minUs: entry.for.minUs,
        maxUs: entry.for.maxUs,
        targets: pick(entry.nodes, kind),
      }
    );
  };
  const plan = {
    crash: chaos.crash && {
      mtbfUs: chaos.crash.mtbf,
      mttrUs: chaos.crash.mttr,
      targets: pick(chaos.crash.nodes, "crash"),
    },
    blip: episodes("blip"),
    pause: episodes("pause"),
  };
  const tooMany = chaosProblem(plan, spec.duration, spec.faults?.length ?? 0, limits);
  if (tooMany !== undefined) {
    reportAt(context, [tooMany.field], tooMany.expected, tooMany.got);
    return [];
  }
  const endpoints = [...nodes.map((node) => node.name), ...clients.map((client) => client.name)];
  return drawChaos(plan, seed, spec.duration, endpoints);
}

/** The targets an entry names, each once: nodes, the nodes of a zone, roles. */
function targetsOf(
  list: string[] | undefined,
  nodes: NodeConfig[],
  problem: (index: number, expected: string) => void,
): ChaosTarget[] {
  if (list === undefined)
    return nodes
      .filter(
        (node) => node.role === "primary" || node.role === "standby" || node.role === "server",
      )
      .map((node) => ({ node: node.name }));
  const names = nodes.map((node) => node.name);
  const zones = [...new Set(nodes.map((node) => node.zone))];
  const targets = new Map<string, ChaosTarget>();
  list.forEach((word, index) => {
    const role = (aimRoles as readonly string[]).includes(word) ? (word as AimRole) : undefined;
    const placed = nodes.filter((node) => node.name === word || node.zone === word);
    if (role !== undefined && placed.length > 0) {
      problem(
        index,
        `a word that is either a role or a node or zone of the scenario, but ${JSON.stringify(word)} is both: rename the node or zone`,
      );
    } else if (role !== undefined) {
      targets.set(`role:${role}`, { role });
    } else if (placed.length > 0) {
      for (const node of placed) targets.set(node.name, { node: node.name });
    } else {
      problem(
        index,
        `a node (${names.join(", ")}), a zone (${zones.join(", ")}) or a role (${listChoices(aimRoles)})`,
      );
    }
  });
  return [...targets.values()];
}
