// The progress bar of a long check (cli-progress): runs done out of runs to do and the scenario
// being run, on stderr — only when stderr is a terminal, so a piped check (CI) prints exactly its
// table or JSON. Runs happen on the main thread; the bar redraws as each run ends.
import cliProgress from "cli-progress";

export interface CheckProgress {
  start(total: number): void;
  tick(scenario: string): void;
  stop(): void;
}

const quiet: CheckProgress = { start() {}, tick() {}, stop() {} };

export function checkProgressBar(stream: NodeJS.WriteStream = process.stderr): CheckProgress {
  if (!stream.isTTY) return quiet;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        "check |{bar}| {value}/{total} runs · {percentage}% · ETA {eta_formatted} · {scenario}",
      etaBuffer: 20,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    start(total) {
      if (total === 0) return;
      bar.start(total, 0, { scenario: "" });
      started = true;
    },
    tick(scenario) {
      if (started) bar.increment(1, { scenario });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
