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
  maxFaultEpisodes,
  maxRuns,
  plural,
  wholeNumber,
  type FuzzArgs,
} from "./fuzz-flags.ts";
import { exitCodes, InputError } from "./failure.ts";
import { single } from "./flags.ts";
import type { CliIo } from "./io.ts";

export async function fuzzSwarm(args: FuzzArgs, io: CliIo): Promise<number> {
  const [swarmModule, fuzzModule, { loadScenarioFile }, { replaceFile }] = await Promise.all([
    import("../fuzz/swarm/index.ts"),
    import("../fuzz/index.ts"),
    import("../scenario/index.ts"),
    import("../report/index.ts"),
  ]);
  const { fuzzDefaults } = fuzzModule;
  if (args.invariant !== undefined)
    throw new InputError(
      "--invariant does not go with --swarm: the swarm checks what each drawn configuration promises (see sim fuzz --help).",
    );
  if (args.settle !== undefined)
    throw new InputError(
      "--settle does not go with --swarm: each drawn configuration has its own settle period.",
    );
  const runs = wholeNumber(single(args.runs, "--runs"), "--runs", 1, maxRuns) ?? fuzzDefaults.runs;
  const seed =
    wholeNumber(single(args.seed, "--seed"), "--seed", 0, Number.MAX_SAFE_INTEGER) ??
    fuzzDefaults.seed;
  const maxEpisodes =
    wholeNumber(single(args["max-faults"], "--max-faults"), "--max-faults", 1, maxFaultEpisodes) ??
    fuzzDefaults.maxEpisodes;
  const out = single(args.out, "--out");
  if (out !== undefined && !out.endsWith(".ts"))
    throw new InputError(
      `--out names the reproducer scenario file and must end in .ts, got ${JSON.stringify(out)}.`,
    );
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
    ...(maxEpisodes !== fuzzDefaults.maxEpisodes ? [`--max-faults ${maxEpisodes}`] : []),
  ];
  const { breach } = result;
  let reproducer: string | null = null;
  if (breach !== null) {
    const outFile = out ?? path.join("reports", "swarm-fuzz", `${breach.name}.ts`);
    reproducer = displayPath(outFile);
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
    try {
      await replaceFile(outFile, source);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InputError(
        `Cannot write the reproducer to ${outFile}: ${reason}. Choose another file with --out.`,
      );
    }
  }

  if (args.json === true) {
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
    io.out(
      `${JSON.stringify({ runs: result.runsDone, seed, violation, configurations: result.configurations, coverage: result.coverage, promises: result.judged })}\n`,
    );
    return breach === null ? exitCodes.ok : exitCodes.expectationFailed;
  }
  io.out(
    `fuzz --swarm · seed ${seed}${args.scenario === undefined ? "" : ` · over ${displayPath(args.scenario)}`}\n`,
  );
  io.out(
    `  runs            ${result.runsDone}${breach === null ? ", nothing broke" : ` of ${runs}`}\n`,
  );
  io.out(`  configurations  ${result.configurations} distinct\n`);
  io.out(
    `  promises judged ${Object.entries(result.judged)
      .map(([name, count]) => `${name} ${count}`)
      .join(", ")}\n`,
  );
  const undrawn = swarmModule.undrawn(result.coverage);
  if (undrawn.length > 0) io.out(`  never drawn     ${undrawn.join(", ")}\n`);
  if (breach === null) return exitCodes.ok;
  io.out(
    `  run ${breach.run} broke ${breach.name} (simulation seed ${breach.seed}): ${breach.drawnDetail}\n`,
  );
  io.out(
    `  shrunk after ${plural(breach.shrinkRuns, "run")}${breach.exhausted ? " (stopped at the limit)" : ""}: ${breach.detail}\n`,
  );
  io.out(`reproducer: ${reproducer}\n`);
  io.out(`run it:     npx sim run ${reproducer}\n`);
  return exitCodes.expectationFailed;
}
