// The end-to-end matrix, generated from the registries: every detector kind × fencing kind ×
// replication mode (every such triple, so every pair of the three), with the failback policies,
// rejoin modes, network latencies (fixed or each distribution; every third row reordering, every
// second one with jittered rounds), standby readiness, client routings and fault kinds dealt
// round-robin over those rows; then one row per preset, and one per session store of a pool
// behind a load balancer. Each row is a
// short scenario run once and judged as the swarm judges a run (swarm-case.ts): no internal
// error, metrics consistent with the trace, and every promise its configuration makes. Adding a
// value to a registry adds it here with no edit of this file; the last test proves every value
// of every registry ran.
import { describe, expect, it } from "vitest";
import { Rng } from "../../sim/engine/index.ts";
import { episodeKinds } from "../../sim/fuzz/draw-schedule.ts";
import {
  addToCoverage,
  drawnValues,
  emptyCoverage,
  undrawn,
} from "../../sim/fuzz/swarm/coverage.ts";
import { completeCase } from "../../sim/fuzz/swarm/draw-case.ts";
import type { ScenarioData } from "../../sim/fuzz/swarm/draw-configuration.ts";
import {
  detectorDraws,
  drawNetwork,
  failbackDraws,
  fencingDraws,
  latencyChoices,
  readinessDraws,
  rejoinDraws,
  replicationDraws,
  routingDraws,
} from "../../sim/fuzz/swarm/option-draws.ts";
import { runCase, scenarioOf, type SwarmCase } from "../../sim/fuzz/swarm/swarm-case.ts";
import type { EpisodeKind } from "../../sim/fuzz/episode.ts";
import { scheduleEntries } from "../../sim/fuzz/episode.ts";
import {
  detectorKinds,
  failbackChoices,
  fencingChoices,
  presetNames,
  presets,
  readinessChoices,
  rejoinChoices,
  replicationModes,
  resolveScenario,
  routingKinds,
  sessionStores,
  type PolicySpec,
} from "../../sim/scenario/index.ts";

const file = "matrix";
const databaseRoutings = routingKinds.filter((kind) => kind !== "lb");

interface Row {
  label: string;
  swarmCase: SwarmCase;
}

/** A primary, a standby of the row's readiness and a hot one (so synchronous modes can run), and
 *  one monitor — or three, enough for any preset's quorum. */
function cluster(
  readiness: (typeof readinessChoices)[number],
  rng: Rng,
  monitors = 1,
): ScenarioData["nodes"] {
  const nodes: ScenarioData["nodes"] = {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b", ...readinessDraws[readiness](rng) },
    db3: { role: "standby", zone: "c", readiness: "hot" },
  };
  for (let i = 1; i <= monitors; i++)
    nodes[`mon${i}`] = { role: "monitor", zone: ["c", "a", "b"][i - 1] };
  return nodes;
}

function row(
  label: string,
  index: number,
  configuration: ScenarioData,
  kind: EpisodeKind,
  rng: Rng,
): Row {
  const named: ScenarioData = { name: `matrix-${index + 1}`, summary: label, ...configuration };
  const completed = completeCase(rng, named, { file, maxEpisodes: 1, kinds: [kind] });
  return { label, swarmCase: { ...completed, seed: index + 1 } };
}

function rows(): Row[] {
  const all: Row[] = [];
  const triples = detectorKinds.flatMap((detector) =>
    fencingChoices.flatMap((fencing) =>
      replicationModes.map((mode) => ({ detector, fencing, mode })),
    ),
  );
  triples.forEach(({ detector, fencing, mode }, index) => {
    const rng = new Rng(index, "matrix");
    const readiness = readinessChoices[index % readinessChoices.length];
    const failback = failbackChoices[index % failbackChoices.length];
    const rejoin = rejoinChoices[index % rejoinChoices.length];
    const latency = latencyChoices[index % latencyChoices.length];
    const routing = databaseRoutings[index % databaseRoutings.length];
    const kind = episodeKinds[index % episodeKinds.length];
    const context = { streamingStandbys: readiness === "cold" ? 1 : 2, servers: [] };
    const configuration = {
      nodes: cluster(readiness, rng),
      network: { ...drawNetwork(rng, latency), loss: 0, reorder: index % 3 === 0 },
      detector: { ...detectorDraws[detector](rng), intervalJitter: index % 2 === 0 ? 0 : 0.25 },
      replication: replicationDraws[mode](rng, context),
      failover: {
        ...fencingDraws[fencing](rng, context),
        ...failbackDraws[failback](rng),
        ...rejoinDraws[rejoin](rng),
        ...(detector === "lease" &&
          fencing !== "lease" && { lease: fencingDraws.lease(rng, context).lease }),
      },
      clients: { writes: "20/s", zone: "a", routing: routingDraws[routing](rng, context) },
    };
    all.push(
      row(
        `${detector} × ${fencing} × ${mode}, failback ${failback}, rejoin ${rejoin}, ${latency} latency, ${readiness} standby, ${routing}, ${kind}`,
        index,
        configuration,
        kind,
        rng,
      ),
    );
  });
  presetNames.forEach((preset, offset) => {
    const index = triples.length + offset;
    const rng = new Rng(index, "matrix");
    const configuration = {
      nodes: cluster("hot", rng, 3),
      policy: presets[preset]() as PolicySpec,
      clients: { writes: "20/s", zone: "a" },
    };
    all.push(row(`preset ${preset}, crash`, index, configuration, "crash", rng));
  });
  sessionStores.forEach((store, offset) => {
    const index = triples.length + presetNames.length + offset;
    const rng = new Rng(index, "matrix");
    const servers = ["s1", "s2", "s3"];
    const nodes = Object.fromEntries(
      servers.map((name, i) => [name, { role: "server" as const, zone: i === 0 ? "a" : "b" }]),
    );
    const configuration = {
      nodes,
      clients: {
        writes: "20/s",
        zone: "a",
        routing: routingDraws.lb(rng, { streamingStandbys: 0, servers }),
        sessions: { users: 50, store },
      },
    };
    all.push(
      row(
        `pool behind a load balancer, ${store} sessions, crash`,
        index,
        configuration,
        "crash",
        rng,
      ),
    );
  });
  return all;
}

const matrix = rows();

describe("every option runs end to end", () => {
  it.each(matrix.map((entry) => [entry.label, entry.swarmCase] as const))(
    "%s",
    (_label, swarmCase) => {
      const outcome = runCase(swarmCase, file);
      expect(outcome.kind === "invalid" ? outcome.message : null).toBeNull();
      expect(outcome.kind === "judged" ? outcome.breach : null).toBeNull();
    },
  );

  it("ran every value of every registry", () => {
    const coverage = emptyCoverage();
    for (const { swarmCase } of matrix) {
      const scenario = scenarioOf(swarmCase);
      const world = resolveScenario(scenario, { file }).world;
      addToCoverage(
        coverage,
        drawnValues(
          world,
          (scenario.policy as { preset?: string } | undefined)?.preset,
          scheduleEntries(swarmCase.schedule),
        ),
      );
    }
    expect(undrawn(coverage)).toEqual([]);
  });
});
