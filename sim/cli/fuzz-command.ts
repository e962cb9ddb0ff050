// `sim fuzz <scenario.ts> --invariant NAME [--runs N] [--seed S] [--out FILE.ts] [--settle DURATION]
// [--max-faults N]`: random fault schedules on the scenario's cluster and policy until one breaks
// the invariant; that one is shrunk and written as a reproducer scenario (default
// reports/<scenario-name>-fuzz/<invariant>.ts), atomically. Exit 1 when a violation was found
// (after writing the reproducer), 0 when none was in N runs, 2 on bad input (nothing written).
// A progress bar on a terminal; piped, only the summary. The simulator loads inside the handler.
// `sim fuzz --swarm [scenario.ts]` draws whole configurations instead (fuzz-swarm.ts).
import * as path from "node:path";
import type { Argv, CommandModule } from "yargs";
import { invariantNames } from "../fuzz/invariant-names.ts";
import { exitCodes, InputError } from "./failure.ts";
import type { CliIo } from "./io.ts";
import { single } from "./flags.ts";
import {
  displayPath,
  plural,
  sharedFuzzFlags,
  writeReproducerFile,
  type FuzzArgs,
} from "./fuzz-flags.ts";
import { fuzzSwarm } from "./fuzz-swarm.ts";

export function fuzzCommand(
  io: CliIo,
  setExitCode: (code: number) => void,
): CommandModule<object, FuzzArgs> {
  return {
    command: "fuzz [scenario]",
    describe:
      "random fault schedules (or, with --swarm, whole configurations) until something breaks; shrink it to a reproducer .ts",
    builder: (yargs: Argv) =>
      yargs
        .positional("scenario", {
          type: "string",
          describe: "scenario file (.ts); optional with --swarm",
        })
        .option("swarm", {
          type: "boolean",
          describe: "draw whole configurations and check what each promises (no --invariant)",
        })
        .option("json", {
          type: "boolean",
          describe:
            "with --swarm: print one JSON object (runs, violation, configurations, coverage)",
        })
        .option("invariant", {
          type: "string",
          describe: `what must hold: ${invariantNames.join(", ")}`,
        })
        .option("runs", { type: "string", describe: "runs to try [default: 100]" })
        .option("seed", {
          type: "string",
          describe: "fuzz seed: the same seed, the same runs and result [default: 1]",
        })
        .option("out", {
          type: "string",
          describe: "reproducer file [default: reports/<scenario-name>-fuzz/<invariant>.ts]",
        })
        .option("settle", {
          type: "string",
          describe:
            "time given to recover after the last fault (recovers-after-faults); faults end this long + 10 s before the run [default: from the policy]",
        })
        .option("max-faults", {
          type: "string",
          describe: "fault episodes per run: 1 to this [default: 4]",
        }) as unknown as Argv<FuzzArgs>,
    handler: async (args) =>
      setExitCode(args.swarm === true ? await fuzzSwarm(args, io) : await fuzz(args, io)),
  };
}

type FuzzModule = typeof import("../fuzz/index.ts");
type FuzzResult = ReturnType<FuzzModule["runFuzz"]>;

async function fuzz(args: FuzzArgs, io: CliIo): Promise<number> {
  const [fuzzModule, { loadScenarioFile, formatDuration }] = await Promise.all([
    import("../fuzz/index.ts"),
    import("../scenario/index.ts"),
  ]);
  const flags = await fuzzFlags(args, fuzzModule);
  const { file, invariant, runs, seed, maxEpisodes, settle } = flags;
  const raw = (await loadScenarioFile(file)) as object;
  const progress = fuzzModule.fuzzProgressBar();
  let result;
  try {
    progress.start(runs);
    result = fuzzModule.runFuzz(
      { raw, file, invariant, runs, seed, maxEpisodes, ...(settle && { settleUs: settle.us }) },
      {
        onRun: (done) => progress.run(done),
        onShrink: (shrinkRuns, held) => progress.shrinking(shrinkRuns, fuzzModule.faultCount(held)),
      },
    );
  } catch (error) {
    if (error instanceof fuzzModule.FuzzError) throw new InputError(error.message);
    throw error;
  } finally {
    progress.stop();
  }

  const window = `faults between ${formatDuration(result.space.windowStartUs)} and ${formatDuration(result.space.windowEndUs)}, 1 to ${maxEpisodes} per run`;
  io.out(`fuzz ${result.scenario} · invariant ${invariant} · seed ${seed}\n`);
  io.out(`  ${fuzzModule.invariants[invariant].summary}\n`);
  io.out(`  ${window}; settle period ${formatDuration(result.settleUs)}\n`);
  if (result.failure === null) {
    io.out(`  runs      ${result.runsDone}, no violation\n`);
    return exitCodes.ok;
  }
  await reportFailure(io, result, flags, fuzzModule);
  return exitCodes.expectationFailed;
}

/** The flags of fuzzing against one invariant, each checked, or the fuzzer's defaults. */
async function fuzzFlags(args: FuzzArgs, fuzzModule: FuzzModule) {
  const { readDuration } = await import("../scenario/index.ts");
  if (args.json === true)
    throw new InputError(
      "--json goes with --swarm; sim fuzz with an --invariant prints its summary as text.",
    );
  if (args.scenario === undefined)
    throw new InputError(
      "sim fuzz needs a scenario file, e.g. sim fuzz scenarios/split-brain.ts --invariant no-lost-acked-writes, or --swarm (see sim fuzz --help).",
    );
  const invariant = single(args.invariant, "--invariant");
  if (invariant === undefined)
    throw new InputError(
      `sim fuzz needs --invariant, one of: ${invariantNames.join(", ")} (see sim fuzz --help).`,
    );
  if (!fuzzModule.isInvariantName(invariant))
    throw new InputError(
      `Unknown invariant ${JSON.stringify(invariant)} for --invariant; the invariants are: ${invariantNames.join(", ")}.`,
    );
  const shared = sharedFuzzFlags(args, fuzzModule.fuzzDefaults);
  const settleText = single(args.settle, "--settle");
  const settle = settleText === undefined ? undefined : readDuration(settleText);
  if (settle !== undefined && !settle.ok)
    throw new InputError(`--settle expects ${settle.expected}, got ${JSON.stringify(settleText)}.`);
  return {
    ...shared,
    file: args.scenario,
    invariant,
    settleText,
    settle: settle?.ok ? settle : undefined,
  };
}

/** Writes the shrunk failure as a reproducer and tells what broke, drawn and shrunk. */
async function reportFailure(
  io: CliIo,
  result: FuzzResult,
  flags: Awaited<ReturnType<typeof fuzzFlags>>,
  fuzzModule: FuzzModule,
): Promise<void> {
  const failure = result.failure!;
  const { file, invariant, seed, runs, maxEpisodes, settleText, out } = flags;
  const outFile = out ?? path.join("reports", `${result.scenario}-fuzz`, `${invariant}.ts`);
  const shownOut = displayPath(outFile);
  const runCommand = `npx sim run ${shownOut}`;
  const flagText = [
    `--invariant ${invariant}`,
    `--seed ${seed}`,
    `--runs ${runs}`,
    ...(maxEpisodes !== fuzzModule.fuzzDefaults.maxEpisodes ? [`--max-faults ${maxEpisodes}`] : []),
    ...(settleText !== undefined ? [`--settle ${settleText}`] : []),
  ];
  const source = fuzzModule.reproducerSource({
    scenario: result.scenario,
    invariant,
    failure,
    scenarioImport: importSpecifier(outFile, file),
    fuzzCommand: `sim fuzz ${displayPath(file)} ${flagText.join(" ")}`,
    runCommand,
  });
  await writeReproducerFile(outFile, source);

  const drawn = fuzzModule.faultCount(failure.drawn);
  const shrunk = fuzzModule.faultCount(failure.shrunk);
  io.out(
    `  runs      ${result.runsDone} of ${runs}: run ${failure.run} broke it (simulation seed ${failure.seed})\n`,
  );
  io.out(`  drawn     ${plural(drawn, "fault")}: ${failure.drawnOutcome.verdict.detail}\n`);
  io.out(
    `  shrunk    ${plural(shrunk, "fault")} after ${plural(failure.shrinkRuns, "run")}${failure.exhausted ? " (stopped at the limit)" : ""}: ${failure.shrunkOutcome.verdict.detail}\n`,
  );
  for (const entry of fuzzModule.scheduleEntries(failure.shrunk))
    io.out(`            ${fuzzModule.scheduledFaultSource(entry)}\n`);
  io.out(`reproducer: ${shownOut}\n`);
  io.out(`run it:     ${runCommand}\n`);
}

/** The module specifier that imports `target` from a file at `from`: "../../scenarios/x.ts". */
function importSpecifier(from: string, target: string): string {
  const relative = path
    .relative(path.dirname(path.resolve(from)), path.resolve(target))
    .split(path.sep)
    .join("/");
  return relative.startsWith(".") ? relative : `./${relative}`;
}
