// From a scenario as written (unknown data from a file, possibly changed by --set) to the world
// the model runs: shape checked by the zod schema, a `policy` (a preset) folded in (policy.ts),
// defaults filled from defaults.ts and the kinds' modules, names and cross-field rules checked,
// every duration in whole microseconds. Problems are collected, not stopped at: one ScenarioError
// holds them all, each naming the file and the field (the policy's field when the policy
// supplied the value). When the shape is wrong only in fields that can be left out (salvage.ts),
// the rules that relate fields are still checked on the rest, so a file's mistakes all show in
// one run. Chaos is held against the fault limit before it is drawn. Pure: no I/O, no clock.
import { type NodeConfig, type WorldConfig } from "../model/index.ts";
import { defaults } from "./defaults.ts";
import {
  parseDuration,
  parseRateOrUnlimited,
  buildEndpoints,
  collecting,
  describeValue,
  reportAt,
  ScenarioError,
  type ResolveContext,
  type ScenarioErrorInit,
} from "../dsl/index.ts";
import { resolveExpectations, type Expectation } from "./expectation.ts";
import { problemsFromIssues } from "./issues.ts";
import { withDefaults, type Limits } from "./limits.ts";
import { salvage } from "./salvage.ts";
import { resolveNetwork } from "./links.ts";
import { applyPolicy, writtenAt } from "./policy.ts";
import { resolveFaults } from "./resolve-faults.ts";
import { resolveChaos } from "./resolve-chaos.ts";
import { checkNamesDistinct, resolveClients } from "./resolve-clients.ts";
import { autoscaleOf, checkServes, restartOf } from "./resolve-node-options.ts";
import { resolveDetector, resolveFailover } from "./resolve-policy.ts";
import { scenarioSchema, type ParsedScenario } from "./schema.ts";
import { resolveTeaching, type Teaching } from "./teaching.ts";

export interface ResolveOptions {
  /** The scenario file as the user typed it; every error message starts with it. */
  file: string;
  /** From --seed: replaces the scenario's seed. */
  seed?: number;
  /** The fault limit applies to chaos before its faults are drawn (limits.ts). */
  limits?: Partial<Limits>;
}

export interface ResolvedScenario {
  name: string;
  summary: string;
  /** Story, lesson, questions and key figures (teaching.ts). */
  teaching: Teaching;
  world: WorldConfig;
  expect: Expectation[];
}

/** 400 days: long enough for any study of failover, short enough to keep runs bounded. */
export const maxDurationUs = parseDuration("400d");

export function resolveScenario(scenario: unknown, options: ResolveOptions): ResolvedScenario {
  const problems: ScenarioErrorInit[] = [];
  const parsed = scenarioSchema.safeParse(scenario);
  if (parsed.success) {
    const resolved = resolveParsed(
      parsed.data,
      { file: options.file, input: scenario, problems },
      options,
    );
    if (problems.length > 0) throw new ScenarioError(problems);
    return resolved;
  }
  problems.push(
    ...problemsFromIssues(parsed.error.issues, {
      file: options.file,
      input: scenario,
      schema: scenarioSchema,
    }),
  );
  const rest = salvage(scenario, parsed.error.issues);
  const reparsed = rest && scenarioSchema.safeParse(rest.scenario);
  if (rest && reparsed?.success) {
    const later: ScenarioErrorInit[] = [];
    collecting(
      { file: options.file, input: rest.scenario, problems: later },
      undefined,
      () =>
        void resolveParsed(
          reparsed.data,
          { file: options.file, input: rest.scenario, problems: later },
          options,
        ),
    );
    problems.push(
      ...later.filter(
        (problem) =>
          !rest.removed.some(
            (field) =>
              problem.field === field ||
              problem.field.startsWith(`${field}.`) ||
              problem.field.startsWith(`${field}[`),
          ),
      ),
    );
  }
  throw new ScenarioError(problems);
}

function resolveParsed(
  parsed: ParsedScenario,
  context: ResolveContext,
  options: ResolveOptions,
): ResolvedScenario {
  const spec = applyPolicy(parsed);
  if (spec.duration > maxDurationUs)
    reportAt(context, ["duration"], `a duration of at most "400d"`);

  const nodes = resolveNodes(spec, context);
  const clients = resolveClients(spec.clients, nodes, context);
  checkNamesDistinct(nodes, clients, context);
  checkServes(nodes, clients, context);
  const endpoints = buildEndpoints(nodes, clients);
  const seed = resolveSeed(spec.seed, options);
  const world: WorldConfig = {
    name: spec.name,
    seed,
    durationUs: spec.duration,
    nodes,
    // A part that failed is recorded and stood in for: the world is not built when there are problems.
    network: collecting(context, undefined as unknown as WorldConfig["network"], () =>
      resolveNetwork(spec.network, endpoints, context),
    ),
    replication: resolveReplication(spec, nodes, context),
    detector: resolveDetector(spec),
    failover: collecting(context, undefined as unknown as WorldConfig["failover"], () =>
      resolveFailover(spec, nodes, context),
    ),
    clients,
    faults: [
      ...collecting(context, [], () =>
        resolveFaults(spec.faults ?? [], spec.duration, endpoints, context, seed),
      ),
      ...collecting(context, [], () =>
        resolveChaos(spec, nodes, clients, context, seed, withDefaults(options.limits)),
      ),
    ].sort((a, b) => a.atUs - b.atUs),
  };
  const expect = collecting(context, [], () => resolveExpectations(spec.expect, context));
  const teaching = resolveTeaching(spec, context);
  return { name: spec.name, summary: spec.summary, teaching, world, expect };
}

/**
 * Replication settings. A synchronous mode needs as many running (hot or warm) standbys as the
 * acknowledgements it waits for, or no write could ever be acknowledged.
 */
function resolveReplication(
  spec: ParsedScenario,
  nodes: NodeConfig[],
  context: ResolveContext,
): WorldConfig["replication"] {
  const replication = spec.replication;
  const mode = replication?.mode ?? defaults.replication.mode;
  const running = nodes.filter(
    (node) => node.role === "standby" && node.readiness !== "cold",
  ).length;
  // Quorum: a majority of the cluster (primary plus running standbys), the primary counting as one.
  const defaultWaitFor =
    mode === "quorum" ? Math.max(1, Math.floor((running + 1) / 2)) : defaults.replication.waitFor;
  const waitFor = replication?.waitFor ?? defaultWaitFor;
  const minInsync = replication?.minInsync ?? defaults.replication.minInsync;
  if (mode === "isr" && minInsync > running + 1)
    reportAt(
      context,
      writtenAt(context.input, ["replication", "minInsync"]),
      `at most the running (hot or warm) standbys and the leader, ${running + 1}: with more, every write would be refused`,
      `minInsync ${minInsync}`,
    );
  if (mode !== "async" && mode !== "isr" && waitFor > running) {
    const field =
      replication?.waitFor !== undefined ? ["replication", "waitFor"] : ["replication", "mode"];
    reportAt(
      context,
      writtenAt(context.input, field),
      `at most as many acknowledgements as running (hot or warm) standbys, ${running}, for "${mode}" replication`,
      `waitFor ${waitFor}`,
    );
  }
  return {
    mode,
    lagUs: replication?.lag ?? parseDuration(defaults.replication.lag),
    shipWindowUs: replication?.shipWindow ?? parseDuration(defaults.replication.shipWindow),
    applyDelayUs: replication?.applyDelay ?? parseDuration(defaults.replication.applyDelay),
    statusIntervalUs:
      replication?.statusInterval ?? parseDuration(defaults.replication.statusInterval),
    waitFor,
    semiSyncTimeoutUs:
      replication?.semiSyncTimeout ?? parseDuration(defaults.replication.semiSyncTimeout),
    minInsync,
    lagTimeMaxUs: replication?.lagTimeMax ?? parseDuration(defaults.replication.lagTimeMax),
  };
}

function resolveSeed(scenarioSeed: number | undefined, options: ResolveOptions): number {
  if (options.seed === undefined) return scenarioSeed ?? defaults.seed;
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) {
    throw new ScenarioError({
      file: options.file,
      field: "--seed",
      expected: "a whole number from 0 to 2^53 - 1",
      got: describeValue(options.seed),
    });
  }
  return options.seed;
}

function resolveNodes(spec: ParsedScenario, context: ResolveContext): NodeConfig[] {
  const nodes = Object.entries(spec.nodes).map(([name, node]): NodeConfig => {
    const readiness = node.role === "standby" ? (node.readiness ?? defaults.node.readiness) : "hot";
    const column: Partial<Record<string, string | number>> = defaults.readiness[readiness];
    const cold = defaults.readiness.cold;
    const durationOf = (value: string | number | undefined, fallback: string) =>
      parseDuration(String(value ?? fallback));
    return {
      name,
      role: node.role,
      zone: node.zone ?? defaults.node.zone,
      readiness,
      promoteInUs: node.promoteIn ?? durationOf(column.promoteIn, cold.promoteIn),
      costPerHour: node.costPerHour ?? Number(column.costPerHour),
      applyRatePerS: node.applyRate ?? parseRateOrUnlimited(String(column.applyRate)),
      applyEveryUs: node.applyEvery ?? durationOf(column.applyEvery, "0s"),
      warmUpUs: node.warmUp ?? durationOf(column.warmUp, "0s"),
      warmUpCapacity: node.warmUpCapacity ?? Number(column.warmUpCapacity),
      bootInUs: node.bootIn ?? durationOf(column.bootIn, cold.bootIn),
      restoreInUs: node.restoreIn ?? durationOf(column.restoreIn, cold.restoreIn),
      backupEveryUs: node.backupEvery ?? durationOf(column.backupEvery, cold.backupEvery),
      archiveEveryUs: node.archiveEvery ?? durationOf(column.archiveEvery, cold.archiveEvery),
      capacityPerS: node.capacity ?? parseRateOrUnlimited(defaults.node.capacity),
      queueLimitUs: node.queueLimit ?? parseDuration(defaults.node.queueLimit),
      restart: restartOf(node),
      serves: node.serves ?? null,
      autoscale: autoscaleOf(name, node, context),
    };
  });
  nodes.forEach((node) => {
    if (node.role !== "standby" && spec.nodes[node.name].readiness !== undefined) {
      reportAt(
        context,
        ["nodes", node.name, "readiness"],
        `no readiness on a ${node.role} (readiness describes a standby)`,
        JSON.stringify(spec.nodes[node.name].readiness),
      );
    }
  });
  // A pool of servers alone needs no database; a database needs its primary and a monitor.
  const poolOnly =
    nodes.some((node) => node.role === "server") &&
    !nodes.some((node) => node.role === "primary" || node.role === "standby");
  if (poolOnly) return nodes;
  const primaries = nodes.filter((node) => node.role === "primary").map((node) => node.name);
  if (primaries.length !== 1) {
    const got = primaries.length === 0 ? "none" : `${primaries.length} (${primaries.join(", ")})`;
    reportAt(context, ["nodes"], `exactly one node with role "primary"`, got);
  }
  if (!nodes.some((node) => node.role === "monitor")) {
    reportAt(
      context,
      ["nodes"],
      `at least one node with role "monitor" (failures are detected by monitors)`,
      "none",
    );
  }
  return nodes;
}
