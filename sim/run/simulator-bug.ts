// A failure inside the simulator — a bug, never bad input — carrying what it takes to reproduce
// it: the scenario, its file, the seed and the overrides of the run, as one command line.
export interface FailedRun {
  scenario: string;
  file: string;
  seed: number;
  overrides: readonly string[];
}

export class SimulatorBugError extends Error {
  constructor(
    readonly failure: unknown,
    readonly run: FailedRun,
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
    this.name = "SimulatorBugError";
    if (failure instanceof Error && failure.stack) this.stack = failure.stack;
  }

  /** The command that runs the same scenario, seed and overrides again. */
  reproduction(): string {
    const quote = (text: string) =>
      /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
    const { file, seed, overrides } = this.run;
    return [
      "npx sim run",
      quote(file),
      `--seed ${seed}`,
      ...overrides.map((override) => `--set ${quote(override)}`),
    ].join(" ");
  }
}
