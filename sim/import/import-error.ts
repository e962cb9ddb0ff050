// What goes wrong when a configuration is read: a line that is not what its format allows, a
// value out of range, a combination the system itself would refuse. Readers collect every problem
// of a file before giving up (ProblemList), so one `sim import` names them all; each problem
// names its line (null: the file as a whole) and says what was expected.

/** One problem of a configuration file. */
export interface ImportProblem {
  /** 1-based line in the file; null when the problem is about the file as a whole. */
  line: number | null;
  /** The key or directive concerned ("ttl", "server pg1"), or null. */
  key: string | null;
  /** What was expected and what was found: `expected a whole number of seconds, got "thirty"`. */
  message: string;
}

/** A configuration that could not be imported; `problems` holds every problem found. */
export class ImportError extends Error {
  constructor(
    /** The file as named in messages (its base name). */
    readonly file: string,
    readonly problems: readonly ImportProblem[],
  ) {
    super(problems.map((problem) => problemText(file, problem)).join("\n"));
    this.name = "ImportError";
  }
}

/** "patroni.yml:4: ttl: expected …" — where, what, and what was expected. */
export function problemText(file: string, { line, key, message }: ImportProblem): string {
  const where = line === null ? file : `${file}:${line}`;
  return `${where}: ${key === null ? "" : `${key}: `}${message}`;
}

/** The problems of one file, collected while it is read; `throwIfAny` ends the reading. */
export class ProblemList {
  private readonly found: ImportProblem[] = [];

  constructor(readonly file: string) {}

  add(line: number | null, key: string | null, message: string): void {
    this.found.push({ line, key, message });
  }

  get count(): number {
    return this.found.length;
  }

  throwIfAny(): void {
    if (this.found.length === 0) return;
    const ordered = [...this.found].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new ImportError(this.file, ordered);
  }
}
