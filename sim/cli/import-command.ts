// `sim import <config> [--out FILE.ts] [--format NAME] [--sentinels N] [--name NAME]`: reads a
// real system's configuration (Patroni YAML, a Redis Sentinel conf, Kubernetes manifests, an
// HAProxy cfg) and writes an ordinary, commented scenario file — to stdout, or to --out, replaced
// whole (a reader or a kill sees the old file or the new one). What the file holds that the
// scenario does not carry is listed in its comments and summed up on stderr. A bad line is exit
// 2, every problem of the file at once, each as `file:line: key: expected …`; nothing is written.
// The importer loads inside the handler, so `sim --help` stays fast.
import * as fs from "node:fs/promises";
import * as path from "node:path";
import type { Argv, CommandModule, Options } from "yargs";
import { formatNames, type FormatName } from "../import/format-names.ts";
import { exitCodes, InputError, type Problem } from "./failure.ts";
import type { CliIo } from "./io.ts";
import { single } from "./flags.ts";

/** The largest configuration file read (a runaway input stops here, not in the parser). */
const maxConfigBytes = 4 * 1024 * 1024;

interface ImportArgs {
  config: string;
  out?: string;
  format?: FormatName;
  sentinels?: string;
  name?: string;
}

/** The command's flags; format's choices are the registry's names. */
const importOptions = {
  out: { type: "string", describe: "scenario file to write [default: stdout]" },
  format: {
    type: "string",
    choices: formatNames,
    describe: "the configuration's format [default: recognised from its content]",
  },
  sentinels: {
    type: "string",
    describe:
      "Redis Sentinel: how many Sentinels run [default: counted from known-sentinel lines, else 3]",
  },
  name: {
    type: "string",
    describe: "the scenario's name [default: from --out, else from the configuration's file name]",
  },
} as const satisfies Record<string, Options>;

export function importCommand(
  io: CliIo,
  setExitCode: (code: number) => void,
): CommandModule<object, ImportArgs> {
  return {
    command: "import <config>",
    describe:
      "write a scenario from a real configuration: Patroni, Redis Sentinel, Kubernetes, HAProxy",
    builder: (yargs: Argv) =>
      yargs
        .positional("config", { type: "string", describe: "the configuration file" })
        .options(importOptions) as unknown as Argv<ImportArgs>,
    handler: async (args) => setExitCode(await importConfigFile(args, io)),
  };
}

async function importConfigFile(args: ImportArgs, io: CliIo): Promise<number> {
  const sentinels = sentinelCount(args.sentinels);
  const out = single(args.out, "--out");
  const text = await readConfig(args.config);
  const [{ importConfig, ImportError, problemText, scenarioNameOf }, { replaceFile }] =
    await Promise.all([import("../import/index.ts"), import("../report/output/index.ts")]);
  const name =
    single(args.name, "--name") ??
    (out === undefined ? undefined : scenarioNameOf(path.basename(out)));
  if (name !== undefined && scenarioNameOf(name) !== name) {
    throw new InputError(
      `--name: expected a scenario name (letters, digits, "-" and "_", starting with a letter, at most 64 characters), got ${JSON.stringify(name)}.`,
      { field: "--name" },
    );
  }
  const file = { name: path.basename(args.config), text };
  let imported;
  try {
    imported = importConfig(file, {
      format: single(args.format, "--format") as FormatName | undefined,
      sentinels,
      name,
    });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    const problems: Problem[] = error.problems.map((problem) => ({
      message: problemText(error.file, problem),
      file: args.config,
      field: problem.key,
    }));
    const count = problems.length === 1 ? "" : ` (${problems.length} problems)`;
    throw new InputError(
      `${args.config} cannot be imported${count}:\n${problems.map((problem) => `  ${problem.message}`).join("\n")}`,
      { problems },
    );
  }
  const { plan } = imported;
  for (const [what, remarks] of [
    ["not modelled yet", plan.notModelled],
    ["ignored", plan.ignored],
  ] as const) {
    if (remarks.length > 0)
      io.err(
        `${file.name}: ${what}: ${remarks.map((remark) => remark.subject).join(", ")} (see the scenario's comments)\n`,
      );
  }
  if (out === undefined) {
    io.out(imported.text);
    return exitCodes.ok;
  }
  await replaceFile(out, imported.text);
  io.err(
    `${plan.system} configuration ${args.config} → ${out} (scenario ${plan.name}); run it: sim run ${out}\n`,
  );
  return exitCodes.ok;
}

async function readConfig(file: string): Promise<string> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new InputError(
      `${file}: expected a configuration file, but it cannot be read (does it exist?).`,
      { file },
    );
  }
  if (!stat.isFile())
    throw new InputError(
      `${file}: expected a configuration file, got a folder or another kind of file.`,
      { file },
    );
  if (stat.size > maxConfigBytes) {
    throw new InputError(
      `${file}: expected a configuration of at most ${maxConfigBytes / 1024 / 1024} MiB (sim import's limit), got ${(stat.size / 1024 / 1024).toFixed(1)} MiB.`,
      { file },
    );
  }
  return (await fs.readFile(file, "utf8")).replace(/^\uFEFF/, "");
}

/** `--sentinels N`: a whole number from 1 to 64, or undefined when not given. */
function sentinelCount(given: string | undefined): number | undefined {
  const text = single(given, "--sentinels");
  if (text === undefined) return undefined;
  const count = Number(text);
  if (!/^\d+$/.test(text) || count < 1 || count > 64) {
    throw new InputError(
      `--sentinels: expected a whole number of Sentinels from 1 to 64, got ${JSON.stringify(text)}.`,
      { field: "--sentinels" },
    );
  }
  return count;
}
