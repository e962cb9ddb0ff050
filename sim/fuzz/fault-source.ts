// A scheduled fault as the TypeScript a person would write in a scenario file:
// at("1m30s", crash("db1")), at("40s", blip("5s", ["east"], ["west"])). Every fault kind prints
// its own builder call (model/faults/<kind>.ts), not only those the fuzzer draws, so any schedule
// can be printed. Strings are written as JSON strings (double quotes, escaped).
import { faultKindOf, type FaultSpec, type ScheduledFaultSpec } from "../scenario/index.ts";

/** `at("…", fault(…))`. */
export function scheduledFaultSource(entry: ScheduledFaultSpec): string {
  return `at(${JSON.stringify(entry.at)}, ${faultSource(entry.fault)})`;
}

export function faultSource(fault: FaultSpec): string {
  return faultKindOf(fault.kind).source(fault);
}

/** The builders a list of faults uses, sorted, plus `at`: what a scenario file imports. */
export function buildersOf(entries: readonly ScheduledFaultSpec[]): string[] {
  const names = new Set(entries.map((entry) => /^\w+/.exec(faultSource(entry.fault))?.[0] ?? ""));
  if (entries.length > 0) names.add("at");
  return [...names].sort();
}
