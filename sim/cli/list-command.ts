// `sim list [dir]`: every scenario file (*.ts, *.mts, *.js, *.mjs; not recursive; sorted by file
// name) in the folder (default scenarios/) with its name and one-line summary, aligned in two
// columns. A file that does not load or validate is listed by its path with its error on one
// line, and the command exits 2 after listing everything. A module without a default export (a
// helper the scenarios share) is skipped with a note on stderr.
import * as fs from "node:fs/promises";
import * as path from "node:path";
import type { Argv, CommandModule } from "yargs";
import { exitCodes, InputError, oneLine } from "./failure.ts";
import type { CliIo } from "./io.ts";
import { helperNote, isScenarioFileName } from "./check-command.ts";

interface ListArgs {
  dir: string;
}

export function listCommand(
  io: CliIo,
  setExitCode: (code: number) => void,
): CommandModule<object, ListArgs> {
  return {
    command: "list [dir]",
    describe: "list scenarios with their one-line summaries",
    builder: (yargs: Argv) =>
      yargs.positional("dir", {
        type: "string",
        default: "scenarios",
        describe: "folder of scenario files",
      }) as unknown as Argv<ListArgs>,
    handler: async (args) => setExitCode(await list(args.dir, io)),
  };
}

async function list(dir: string, io: CliIo): Promise<number> {
  const files = await scenarioFiles(dir);
  if (files.length === 0) {
    io.out(`no scenario files (*.ts, *.mts, *.js, *.mjs) in ${dir}\n`);
    return exitCodes.ok;
  }
  const { loadScenarioOrHelper, resolveScenario } = await import("../scenario/index.ts");
  const rows: [string, string][] = [];
  let failures = 0;
  for (const file of files) {
    try {
      const raw = await loadScenarioOrHelper(file);
      if (raw === null) {
        io.err(helperNote(file));
        continue;
      }
      const scenario = resolveScenario(raw, { file });
      rows.push([scenario.name, scenario.summary]);
    } catch (error) {
      failures++;
      rows.push([
        file,
        `error: ${oneLine(error instanceof Error ? error.message : String(error))}`,
      ]);
    }
  }
  const width = Math.max(...rows.map(([first]) => first.length));
  for (const [first, second] of rows) io.out(`${first.padEnd(width)}  ${oneLine(second)}\n`);
  if (failures > 0) {
    io.err(`${failures} of ${files.length} scenario files in ${dir} failed to load.\n`);
    return exitCodes.badInput;
  }
  return exitCodes.ok;
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
