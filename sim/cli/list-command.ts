// `sim list [dir] [--json]`: every scenario file (*.ts, *.mts, *.js, *.mjs; not recursive; sorted
// by file name) in the folder (default scenarios/) with its name and one-line summary, aligned in
// columns, and a mark on those that teach (a story, a lesson and questions: "lesson"). `--json`
// prints an array of { name, file, summary, story, lesson, questions } instead (null story and
// lesson, no questions, for a scenario that does not teach). A file that does not load or
// validate is listed by its path with its error on one line (in --json, on stderr), and the
// command exits 2 after listing everything. A module without a default export (a helper the
// scenarios share) is skipped with a note on stderr.
import * as fs from "node:fs/promises";
import * as path from "node:path";
import type { Argv, CommandModule } from "yargs";
import type { TeachingQuestion } from "../scenario/index.ts";
import { exitCodes, InputError, oneLine } from "./failure.ts";
import type { CliIo } from "./io.ts";
import { helperNote, isScenarioFileName } from "./check-command.ts";
import { compileAhead } from "./load-scenario.ts";

interface ListArgs {
  dir: string;
  json: boolean;
}

/** One scenario as `sim list --json` prints it. */
export interface ListedScenario {
  name: string;
  file: string;
  summary: string;
  story: string | null;
  lesson: string | null;
  questions: TeachingQuestion[];
}

/** A listed scenario, or a file that failed to load with its error. */
type ListRow = ListedScenario | { file: string; error: string };

export function listCommand(
  io: CliIo,
  setExitCode: (code: number) => void,
): CommandModule<object, ListArgs> {
  return {
    command: "list [dir]",
    describe: "list scenarios with their one-line summaries and which teach a lesson",
    builder: (yargs: Argv) =>
      yargs
        .positional("dir", {
          type: "string",
          default: "scenarios",
          describe: "folder of scenario files",
        })
        .option("json", {
          type: "boolean",
          default: false,
          describe: "print [{ name, file, summary, story, lesson, questions }] as JSON",
        }) as unknown as Argv<ListArgs>,
    handler: async (args) => setExitCode(await list(args.dir, args.json, io)),
  };
}

async function list(dir: string, json: boolean, io: CliIo): Promise<number> {
  const files = await scenarioFiles(dir);
  if (files.length === 0 && !json) {
    io.out(`no scenario files (*.ts, *.mts, *.js, *.mjs) in ${dir}\n`);
    return exitCodes.ok;
  }
  const rows = await listRows(files, io);
  const listed = rows.filter((row): row is ListedScenario => !("error" in row));
  const failures = rows.length - listed.length;
  if (json) {
    for (const row of rows)
      if ("error" in row)
        io.err(`${row.error.startsWith(row.file) ? "" : `${row.file}: `}${row.error}\n`);
    io.out(`${JSON.stringify(listed, null, 2)}\n`);
  } else {
    printTable(rows, io);
  }
  if (failures > 0) {
    io.err(`${failures} of ${files.length} scenario files in ${dir} failed to load.\n`);
    return exitCodes.badInput;
  }
  return exitCodes.ok;
}

async function listRows(files: readonly string[], io: CliIo): Promise<ListRow[]> {
  for (const file of files) compileAhead(file); // esbuild compiles them side by side
  const { loadScenarioOrHelper, resolveScenario } = await import("../scenario/index.ts");
  const rows: ListRow[] = [];
  for (const file of files) {
    try {
      const raw = await loadScenarioOrHelper(file);
      if (raw === null) {
        io.err(helperNote(file));
        continue;
      }
      const { name, summary, teaching } = resolveScenario(raw, { file });
      const { story, lesson, questions } = teaching;
      rows.push({ name, file, summary, story, lesson, questions });
    } catch (error) {
      rows.push({ file, error: oneLine(error instanceof Error ? error.message : String(error)) });
    }
  }
  return rows;
}

/** Name, "lesson" for a scenario that teaches, summary; a failed file by its path and error. */
function printTable(rows: readonly ListRow[], io: CliIo): void {
  const cells = rows.map((row) =>
    "error" in row
      ? [row.file, "", `error: ${row.error}`]
      : [row.name, row.lesson === null ? "" : "lesson", oneLine(row.summary)],
  );
  const width = Math.max(...cells.map(([first]) => first.length));
  const mark = cells.some(([, teaches]) => teaches !== "") ? "lesson".length : 0;
  for (const [first, teaches, text] of cells)
    io.out(
      `${[first.padEnd(width), ...(mark > 0 ? [teaches.padEnd(mark)] : []), text].join("  ")}\n`,
    );
}

async function scenarioFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    throw new InputError(
      `${dir}: expected a folder of scenario files, but it cannot be read (does it exist?).`,
    );
  }
  return entries
    .filter((entry) => entry.isFile() && isScenarioFileName(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => path.join(dir, name));
}
