// `sim explain <scenario.ts> [--seed N] [--set path=value]...`: one run told as a story on stdout
// — the setting, what happens event by event with per-write noise grouped into counts, the
// outcome in words and the scenario's lesson (its `lesson` field). Nothing is written to disk.
// Exit codes as for `sim run`: 1 when an expectation is not met (the story is still told), 2 on
// bad input. The simulator is imported inside the handler so that `sim --help` stays fast.
import type { Argv, CommandModule } from "yargs";
import { exitCodes } from "./failure.ts";
import type { CliIo } from "./io.ts";
import { oneScenarioOptions, parseSeed, single } from "./flags.ts";
import { limitOptions, parseLimitFlags } from "./limit-flags.ts";
import { compileAhead, loadScenarioWithin } from "./load-scenario.ts";

interface ExplainArgs {
  scenario: string;
  seed?: string;
  set?: string[];
}

export function explainCommand(
  io: CliIo,
  setExitCode: (code: number) => void,
): CommandModule<object, ExplainArgs> {
  return {
    command: "explain <scenario>",
    describe: "tell one run as a story in plain language, event by event",
    builder: (yargs: Argv) =>
      limitOptions(oneScenarioOptions(yargs)) as unknown as Argv<ExplainArgs>,
    handler: async (args) => setExitCode(await explain(args, io)),
  };
}

async function explain(args: ExplainArgs, io: CliIo): Promise<number> {
  const seed = parseSeed(single(args.seed, "--seed"));
  const { limits, maxLoadUs } = parseLimitFlags(args as unknown as Record<string, unknown>);
  compileAhead(args.scenario);
  const [{ runScenario }, { StoryObserver }, { explainText }] = await Promise.all([
    import("../run/index.ts"),
    import("../report/explain-story.ts"),
    import("../report/explain-text.ts"),
  ]);

  const raw = await loadScenarioWithin(args.scenario, maxLoadUs);
  const story = new StoryObserver();
  const result = runScenario(raw, {
    file: args.scenario,
    seed,
    overrides: args.set ?? [],
    trace: "none",
    limits,
    onTrace: (event) => story.observe(event),
  });
  io.out(
    explainText({
      name: result.name,
      summary: result.summary,
      seed: result.seed,
      fingerprint: result.fingerprint,
      world: result.world,
      metrics: result.metrics,
      breaches: result.breaches,
      story: story.story(result.world),
      lesson: result.teaching.lesson ?? undefined,
    }),
  );
  return result.breaches.length > 0 ? exitCodes.expectationFailed : exitCodes.ok;
}
