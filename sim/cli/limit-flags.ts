// The limits as flags, generated from their registry (scenario/limits.ts) so that every limit is
// settable and named the same way in its flag and its messages: `--max-events 5e9`,
// `--max-memory 8GB`, `--max-wall 2m`, `--max-load 30s` (0 or "none": no limit). A bad value is
// bad input naming the flag; all bad limit flags are reported together.
import type { Argv } from "yargs";
// The module itself, not the dsl barrel: the barrel brings zod, which `sim --help` must not load.
import { readDuration } from "../dsl/duration.ts";
import {
  cliLimitSpecs,
  defaultCliLimitsUs,
  defaultLimits,
  formatCount,
  limitSpecs,
  type LimitName,
  type Limits,
} from "../scenario/limits.ts";
import { InputError } from "./failure.ts";

type CliLimitName = keyof typeof cliLimitSpecs;

export interface LimitFlags {
  limits: Partial<Limits>;
  /** Wall-clock time a run may take, µs (0: none). */
  maxWallUs: number;
  /** Time the scenario module may take to load, µs (0: none). */
  maxLoadUs: number;
}

const flagName = (flag: string) => flag.slice(2);

/** Adds a --max-… option per limit; `wall` adds --max-wall (commands that run one scenario). */
export function limitOptions(yargs: Argv, { wall = false } = {}): Argv {
  let result = yargs;
  for (const [name, spec] of Object.entries(limitSpecs) as [
    LimitName,
    (typeof limitSpecs)[LimitName],
  ][]) {
    const shown =
      spec.kind === "megabytes"
        ? `${defaultLimits[name]} (MB; or e.g. 8GB)`
        : formatCount(defaultLimits[name]);
    result = result.option(flagName(spec.flag), {
      type: "string",
      group: "Limits:",
      describe: `limit on ${spec.what} [default: ${shown}]`,
    });
  }
  const cliNames: CliLimitName[] = wall ? ["maxWall", "maxLoad"] : ["maxLoad"];
  for (const name of cliNames) {
    const spec = cliLimitSpecs[name];
    const fallback = defaultCliLimitsUs[name] === 0 ? "none" : `${defaultCliLimitsUs[name] / 1e6}s`;
    result = result.option(flagName(spec.flag), {
      type: "string",
      group: "Limits:",
      describe: `limit on the ${spec.what} [default: ${fallback}]`,
    });
  }
  return result;
}

export function parseLimitFlags(args: Record<string, unknown>): LimitFlags {
  const problems: string[] = [];
  const limits: Partial<Limits> = {};
  for (const [name, spec] of Object.entries(limitSpecs) as [
    LimitName,
    (typeof limitSpecs)[LimitName],
  ][]) {
    const text = single(args[flagName(spec.flag)], spec.flag, problems);
    if (text === undefined) continue;
    const value = spec.kind === "megabytes" ? readMegabytes(text) : readCount(text);
    if (value === undefined)
      problems.push(
        `${spec.flag} expects ${spec.kind === "megabytes" ? "megabytes, like 8192 or 8GB" : "a whole number above 0, like 5000000 or 5e6"}, got ${JSON.stringify(text)}.`,
      );
    else limits[name] = value;
  }
  const durationOf = (name: CliLimitName): number => {
    const spec = cliLimitSpecs[name];
    const text = single(args[flagName(spec.flag)], spec.flag, problems);
    if (text === undefined) return defaultCliLimitsUs[name];
    if (text === "none" || text === "0") return 0;
    const reading = readDuration(text);
    if (reading.ok) return reading.us;
    problems.push(
      `${spec.flag} expects a duration like "30s" or "2m", or "none", got ${JSON.stringify(text)}.`,
    );
    return 0;
  };
  const flags = { limits, maxWallUs: durationOf("maxWall"), maxLoadUs: durationOf("maxLoad") };
  if (problems.length > 0) throw new InputError(problems.join("\n"));
  return flags;
}

function single(value: unknown, flag: string, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    problems.push(`${flag} was given ${value.length} times; give it once.`);
    return undefined;
  }
  return String(value);
}

function readCount(text: string): number | undefined {
  if (!/^\d+(\.\d+)?(e\d+)?$/i.test(text.trim())) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= 1 ? value : undefined;
}

function readMegabytes(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(MB|GB)?$/i.exec(text.trim());
  if (match === null) return undefined;
  const value = Number(match[1]) * (match[2]?.toUpperCase() === "GB" ? 1000 : 1);
  return value >= 1 ? Math.floor(value) : undefined;
}
