// `sim fuzz --swarm [scenario.ts] [--runs N] [--seed S] [--max-faults N] [--out FILE.ts] [--json]`:
// swarm fuzzing — each run draws a whole configuration (or, with a scenario, a policy over its
// cluster) and a fault schedule, and checks what that configuration promises, that nothing fails
// inside the simulator, and that its metrics agree with its trace. At the first breach the case
// is shrunk — schedule and configuration — and written as a self-contained reproducer (default
// reports/swarm-fuzz/<what-broke>.ts), atomically. Exit 1 on a breach (after writing it), 0 when
// none was found in N runs, 2 on bad input. `--json` prints one object on stdout: runs, violation
// (null, or what broke and the reproducer), configurations (distinct ones drawn), coverage (for
// each option path, how many runs drew each value) and promises (runs on which each was judged).
import * as path from "node:path";
import {
  displayPath,
  plural,
  sharedFuzzFlags,
  writeReproducerFile,
  type FuzzArgs,
} from "./fuzz-flags.ts";
import { exitCodes, InputError } from "./failure.ts";
import type { CliIo } from "./io.ts";
import type { SwarmResult } from "../fuzz/swarm/index.ts";

type SwarmModule = typeof import("../fuzz/swarm/index.ts");
type FuzzModule = typeof import("../fuzz/index.ts");

export async function fuzzSwarm(args: FuzzArgs, io: CliIo): Promise<number> {
  const [swarmModule, fuzzModule, { loadScenarioFile }] = await Promise.all([
    import("../fuzz/swarm/index.ts"),
    import("../fuzz/index.ts"),
    import("../scenario/index.ts"),
  ]);
  const { runs, seed, maxEpisodes, out } = swarmFlags(args, fuzzModule.fuzzDefaults);
  const base =
    args.scenario === undefined
      ? undefined
      : ((await loadScenarioFile(args.scenario)) as Parameters<
          typeof swarmModule.runSwarm
        >[0]["base"]);
  const file = args.scenario ?? "swarm";

  const progress = fuzzModule.fuzzProgressBar();
  let result;
  try {
    progress.start(runs);
    result = swarmModule.runSwarm(
      { runs, seed, maxEpisodes, file, base },
      {
        onRun: (done) => progress.run(done),
        onShrink: (shrinkRuns) => progress.shrinking(shrinkRuns, 0),
      },
    );
  } catch (error) {
    if (error instanceof fuzzModule.FuzzError) throw new InputError(error.message);
    throw error;
  } finally {
    progress.stop();
  }

  const flags = [
    ...(args.scenario === undefined ? [] : [displayPath(args.scenario)]),
    "--swarm",
    `--seed ${seed}`,
    `--runs ${runs}`,
    ...(maxEpisodes !== fuzzModule.fuzzDefaults.maxEpisodes ? [`--max-faults ${maxEpisodes}`] : []),
  ];
  const reproducer = await writeReproducer(result, out, flags, swarmModule);
  if (args.json === true) {
    io.out(`${JSON.stringify(swarmJson(result, seed, reproducer, fuzzModule))}\n`);
    return result.breach === null ? exitCodes.ok : exitCodes.expectationFailed;
  }
  printSwarm(io, result, { seed, runs, scenario: args.scenario, reproducer }, swarmModule);
  return result.breach === null ? exitCodes.ok : exitCodes.expectationFailed;
}

/** The flags' values, each checked, or the fuzzer's defaults; flags that do not go with --swarm
 *  are refused. */
function swarmFlags(args: FuzzArgs, defaults: FuzzModule["fuzzDefaults"]) {
  if (args.invariant !== undefined)
    throw new InputError(
      "--invariant does not go with --swarm: the swarm checks what each drawn configuration promises (see sim fuzz --help).",
    );
  if (args.settle !== undefined)
    throw new InputError(
      "--settle does not go with --swarm: each drawn configuration has its own settle period.",
    );
  return sharedFuzzFlags(args, defaults);
}

/** Writes the shrunk breach as a reproducer scenario, whole or not at all; returns its path for
 *  the user (null when nothing broke). */
async function writeReproducer(
  result: SwarmResult,
  out: string | undefined,
  flags: string[],
  swarmModule: SwarmModule,
): Promise<string | null> {
  const { breach } = result;
  if (breach === null) return null;
  const outFile = out ?? path.join("reports", "swarm-fuzz", `${breach.name}.ts`);
  const reproducer = displayPath(outFile);
  const source = swarmModule.swarmReproducerSource({
    swarmCase: breach.shrunk,
    breach: { name: breach.name, detail: breach.detail },
    fuzzCommand: `sim fuzz ${flags.join(" ")}`,
    runCommand: `npx sim run ${reproducer}`,
    run: breach.run,
    drawnFaults: breach.drawnFaults,
    shrinkRuns: breach.shrinkRuns,
    exhausted: breach.exhausted,
  });
  await writeReproducerFile(outFile, source);
  return reproducer;
}

/** The one object `--json` prints. */
function swarmJson(
  result: SwarmResult,
  seed: number,
  reproducer: string | null,
  fuzzModule: FuzzModule,
) {
  const { breach } = result;
  const violation =
    breach === null
      ? null
      : {
          breach: breach.name,
          run: breach.run,
          seed: breach.seed,
          detail: breach.detail,
          drawnDetail: breach.drawnDetail,
          faults: fuzzModule.scheduleEntries(breach.shrunk.schedule).length,
          shrinkRuns: breach.shrinkRuns,
          reproducer,
        };
  const { configurations, coverage, judged: promises } = result;
  return { runs: result.runsDone, seed, violation, configurations, coverage, promises };
}

/** The text summary: runs, distinct configurations, promises judged, values never drawn, and
 *  what broke with its reproducer. */
function printSwarm(
  io: CliIo,
  result: SwarmResult,
  run: { seed: number; runs: number; scenario: string | undefined; reproducer: string | null },
  swarmModule: SwarmModule,
): void {
  const { breach } = result;
  const over = run.scenario === undefined ? "" : ` · over ${displayPath(run.scenario)}`;
  io.out(`fuzz --swarm · seed ${run.seed}${over}\n`);
  io.out(
    `  runs            ${result.runsDone}${breach === null ? ", nothing broke" : ` of ${run.runs}`}\n`,
  );
  io.out(`  configurations  ${result.configurations} distinct\n`);
  io.out(
    `  promises judged ${Object.entries(result.judged)
      .map(([name, count]) => `${name} ${count}`)
      .join(", ")}\n`,
  );
  const undrawn = swarmModule.undrawn(result.coverage);
  if (undrawn.length > 0) io.out(`  never drawn     ${undrawn.join(", ")}\n`);
  if (breach === null) return;
  io.out(
    `  run ${breach.run} broke ${breach.name} (simulation seed ${breach.seed}): ${breach.drawnDetail}\n`,
  );
  io.out(
    `  shrunk after ${plural(breach.shrinkRuns, "run")}${breach.exhausted ? " (stopped at the limit)" : ""}: ${breach.detail}\n`,
  );
  io.out(`reproducer: ${run.reproducer}\n`);
  io.out(`run it:     npx sim run ${run.reproducer}\n`);
}
