// The progress bar of `sim fuzz` (cli-progress), on stderr and only when stderr is a terminal, so
// piped or logged output is exactly the summary. Fuzzing shows runs done out of --runs; shrinking
// then shows its own runs and the faults left in the schedule it holds.
import cliProgress from "cli-progress";

export interface FuzzProgress {
  start(total: number): void;
  run(done: number): void;
  shrinking(runs: number, faults: number): void;
  stop(): void;
}

const quiet: FuzzProgress = { start() {}, run() {}, shrinking() {}, stop() {} };

export function fuzzProgressBar(stream: NodeJS.WriteStream = process.stderr): FuzzProgress {
  if (!stream.isTTY) return quiet;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "fuzz |{bar}| {value}/{total} runs · {phase}",
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    start(total) {
      bar.start(total, 0, { phase: "no violation yet" });
      started = true;
    },
    run(done) {
      if (started) bar.update(done);
    },
    shrinking(runs, faults) {
      if (started)
        bar.update({
          phase: `violation found · shrinking: ${runs} runs, ${faults} fault${faults === 1 ? "" : "s"} left`,
        });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
