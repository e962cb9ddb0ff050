// Where the CLI writes: stdout for results (the summary table, the JSON row, listings), stderr for
// diagnostics. Passed in so tests can capture both; yargs' own --help output still goes to the
// console, as yargs prints it.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};
