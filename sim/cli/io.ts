// Where the CLI writes: stdout for results (the summary table, the JSON row, listings), stderr for
// diagnostics. Passed in so tests can capture both; yargs' own --help output still goes to the
// console, as yargs prints it.
// A reader that goes away (`sim list | head -1`) is no error of the user's: once a stream's pipe
// is closed (EPIPE), what is still written to it is dropped quietly — no stack trace — and the
// command ends with its own exit code.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const closed = new Set<NodeJS.WriteStream>();
let guarded = false;

function write(stream: NodeJS.WriteStream, text: string): void {
  if (!closed.has(stream)) stream.write(text);
}

export const processIo: CliIo = {
  out: (text) => write(process.stdout, text),
  err: (text) => write(process.stderr, text),
};

/** From now on a closed stdout or stderr drops what is written to it instead of crashing. */
export function quietOnClosedPipes(): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
      closed.add(stream);
    });
  }
}
