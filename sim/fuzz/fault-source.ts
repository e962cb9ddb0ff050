// A scheduled fault as the TypeScript a person would write in a scenario file:
// at("1m30s", crash("db1")), at("40s", blip("5s", ["east"], ["west"])). Every fault of the DSL
// is covered, not only those the fuzzer draws, so any schedule can be printed. Strings are
// written as JSON strings (double quotes, escaped).
import type { FaultSpec, ScheduledFaultSpec } from "../scenario/index.ts";

const str = (text: string) => JSON.stringify(text);
const list = (names: readonly string[]) => `[${names.map(str).join(", ")}]`;
const oneOrList = (names: readonly string[]) => (names.length === 1 ? str(names[0]) : list(names));

/** `at("…", fault(…))`. */
export function scheduledFaultSource(entry: ScheduledFaultSpec): string {
  return `at(${str(entry.at)}, ${faultSource(entry.fault)})`;
}

export function faultSource(fault: FaultSpec): string {
  switch (fault.kind) {
    case "crash":
    case "restart":
      return `${fault.kind}(${str(fault.node)})`;
    case "partition":
      return `partition(${fault.groups.map(list).join(", ")})`;
    case "isolate":
      return `isolate(${str(fault.target)})`;
    case "heal":
      return "heal()";
    case "blip":
      return `blip(${[str(fault.duration), ...fault.groups.map(list)].join(", ")})`;
    case "pause":
      return `pause(${str(fault.node)}, ${str(fault.duration)})`;
    case "oneWay":
      return `oneWay(${oneOrList(fault.from)}, ${oneOrList(fault.to)})`;
    case "degrade":
      return degradeSource(fault);
    case "slow":
      return `slow(${str(fault.node)}, ${str(fault.delay)})`;
    case "readOnly":
      return `${fault.writable ? "writable" : "readOnly"}(${str(fault.node)})`;
    case "clockSkew": {
      const options = [fault.rate !== undefined ? `rate: ${fault.rate}` : "", fault.jump !== undefined ? `jump: ${str(fault.jump)}` : ""].filter(Boolean);
      return `clockSkew(${str(fault.node)}, { ${options.join(", ")} })`;
    }
    case "zoneOutage":
      return `${fault.restore ? "zoneRestore" : "zoneOutage"}(${str(fault.zone)})`;
    default: {
      const unknown: never = fault;
      throw new Error(`unknown fault ${JSON.stringify(unknown)}`);
    }
  }
}

/** The builder a degradation was made with: flaky(), delay() or loss(). */
function degradeSource(fault: FaultSpec & { kind: "degrade" }): string {
  const lasting = fault.for !== undefined ? `for: ${str(fault.for)}` : "";
  const options = (...fields: string[]) => {
    const present = fields.filter(Boolean);
    return present.length > 0 ? `, { ${present.join(", ")} }` : "";
  };
  if (fault.flaky) return `flaky(${str(fault.target)}${options(`down: ${str(fault.flaky.down)}`, `up: ${str(fault.flaky.up)}`, lasting)})`;
  if (fault.delay !== undefined) return `delay(${str(fault.target)}, ${str(fault.delay)}${options(lasting)})`;
  return `loss(${str(fault.target)}, ${fault.loss ?? 0}${options(lasting)})`;
}

/** The builders a list of faults uses, sorted, plus `at`: what a scenario file imports. */
export function buildersOf(entries: readonly ScheduledFaultSpec[]): string[] {
  const names = new Set(entries.map((entry) => /^\w+/.exec(faultSource(entry.fault))?.[0] ?? ""));
  if (entries.length > 0) names.add("at");
  return [...names].sort();
}
