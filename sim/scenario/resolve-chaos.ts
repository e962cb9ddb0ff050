// The chaos plan of a scenario resolved and drawn: its node lists default to the database nodes
// and pool servers (a name must be one of them), the plan is held against the fault limit before
// anything is drawn (limit-estimates.ts), and the faults are drawn from the run's seed
// (chaos.ts). Problems are reported into the resolve context, never thrown.
import type { ClientConfig, NodeConfig } from "../model/index.ts";
import { reportAt, type ResolveContext } from "../dsl/index.ts";
import { chaosProblem } from "./limit-estimates.ts";
import type { Limits } from "./limits.ts";
import { drawChaos } from "./chaos.ts";
import type { ParsedScenario } from "./schema.ts";

/** The chaos plan's node lists default to the database nodes and pool servers; names must be such nodes. */
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
  const dataNodes = nodes
    .filter((node) => node.role === "primary" || node.role === "standby" || node.role === "server")
    .map((node) => node.name);
  const pick = (list: string[] | undefined, kind: string): string[] => {
    (list ?? []).forEach((name, index) => {
      if (!dataNodes.includes(name))
        reportAt(
          context,
          ["chaos", kind, "nodes", index],
          `a database node or pool server: ${dataNodes.join(", ")}`,
        );
    });
    return list ?? dataNodes;
  };
  const episodes = (kind: "blip" | "pause") => {
    const entry = chaos[kind];
    return (
      entry && {
        everyUs: entry.every,
        minUs: entry.for.minUs,
        maxUs: entry.for.maxUs,
        nodes: pick(entry.nodes, kind),
      }
    );
  };
  const plan = {
    crash: chaos.crash && {
      mtbfUs: chaos.crash.mtbf,
      mttrUs: chaos.crash.mttr,
      nodes: pick(chaos.crash.nodes, "crash"),
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
