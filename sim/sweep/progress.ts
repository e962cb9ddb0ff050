// The progress bar of a long sweep (cli-progress): runs done out of runs to do, rate and ETA, on
// stderr — and only when stderr is a terminal, so a piped or logged sweep stays quiet and its
// output is exactly the summary. Runs kept from an interrupted sweep start the bar part-way.
import cliProgress from "cli-progress";

export interface Progress {
  start(total: number, done: number): void;
  tick(): void;
  stop(): void;
}

const quiet: Progress = { start() {}, tick() {}, stop() {} };

export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return quiet;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "sweep |{bar}| {value}/{total} runs · {percentage}% · ETA {eta_formatted}",
      etaBuffer: 50,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    start(total, done) {
      bar.start(total, done);
      started = true;
    },
    tick() {
      if (started) bar.increment();
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
