// Writes a ScenarioPlan as a scenario file in the public DSL (defineScenario, presets.*, at(),
// crash()): a header that says where the scenario came from, how the system maps onto the model,
// what the documented mechanics predict and what of the file was left out; then the scenario,
// each value followed by a comment citing its config line or the assumption made. The text
// depends on the plan alone (no clock, no path), so the same configuration gives the same bytes.
import { formatDuration } from "./dsl.ts";
import {
  isCited,
  type Cited,
  type Fields,
  type Origin,
  type PlanNode,
  type Remark,
  type ScenarioPlan,
} from "./plan.ts";

const width = 100;
const indentUnit = "  ";

export function scenarioText(plan: ScenarioPlan): string {
  const lines = [
    ...header(plan),
    `import { at, crash, defineScenario${plan.policy ? ", presets" : ""} } from "failover-sim";`,
    "",
  ];
  lines.push("export default defineScenario({");
  lines.push(...entry("name", JSON.stringify(plan.name), null, 1));
  lines.push(...entry("summary", JSON.stringify(plan.summary), null, 1));
  lines.push(
    ...entry(
      "duration",
      JSON.stringify(formatDuration(plan.durationUs)),
      { note: "the fault, then time to recover" },
      1,
    ),
  );
  lines.push(...entry("seed", "1", null, 1));
  lines.push(
    `${indentUnit}nodes: {`,
    ...plan.nodes.map((node) => nodeLine(node, plan.source)),
    `${indentUnit}},`,
  );
  if (plan.policy) {
    lines.push(
      `${indentUnit}policy: presets.${plan.policy.preset}({`,
      ...fieldLines(plan.policy.overrides, 2, plan.source),
      `${indentUnit}}),`,
    );
  }
  lines.push(...fieldLines(plan.fields, 1, plan.source));
  const { node, fromUs, toUs } = plan.fault;
  const range = `${fromUs / 1e6}s..${toUs / 1e6}s`; // one unit, as the clock reads
  const fault = `[at(${JSON.stringify(range)}, crash(${JSON.stringify(node)}))]`;
  const note = `${node} crashes between ${clockText(fromUs)} and ${clockText(toUs)}, when the seed says (see above)`;
  lines.push(...entry("faults", fault, { note }, 1));
  lines.push(
    `${indentUnit}expect: {`,
    ...fieldLines(plan.expect, 2, plan.source),
    `${indentUnit}},`,
  );
  lines.push("});", "");
  return lines.join("\n");
}

/** A duration as prose writes it: "17.5 s", "2 m", "250 ms". */
export function durationText(us: number): string {
  return formatDuration(us).replace(/([a-z]+)$/, " $1");
}

/** "5:05", "5:05.5", "1:02:03": a time in the run as the header tells it. */
export function clockText(us: number): string {
  const totalMs = Math.round(us / 1000);
  const ms = totalMs % 1000;
  const totalS = (totalMs - ms) / 1000;
  const [h, m, s] = [Math.floor(totalS / 3600), Math.floor(totalS / 60) % 60, totalS % 60];
  const seconds = `${String(s).padStart(2, "0")}${ms === 0 ? "" : `.${String(ms).padStart(3, "0").replace(/0+$/, "")}`}`;
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${seconds}` : `${m}:${seconds}`;
}

function header(plan: ScenarioPlan): string[] {
  const paragraphs = [
    `${plan.system} configuration imported from ${plan.source} by \`sim import\`. An ordinary scenario: edit it freely (importing again overwrites it).`,
    ...plan.about,
    ...plan.story,
    `Each value below cites the line of ${plan.source} it comes from; "assumed" marks a value the file does not set.`,
  ];
  const lines = paragraphs.flatMap((paragraph, index) => [
    ...(index > 0 ? ["//"] : []),
    ...wrap(paragraph, "// ", "// "),
  ]);
  if (plan.notModelled.length > 0) {
    lines.push(
      "//",
      "// Not modelled yet (the model has no such mechanism; the scenario runs without it):",
    );
    for (const remark of plan.notModelled)
      lines.push(...wrap(`${remarkSubject(remark)}: ${remark.detail}`, "// - ", "//   "));
  }
  for (const [detail, remarks] of groupByDetail(plan.ignored)) {
    lines.push(
      "//",
      ...wrap(`Ignored, ${detail}: ${remarks.map(remarkSubject).join(", ")}.`, "// ", "//   "),
    );
  }
  return lines;
}

function remarkSubject({ subject, line }: Remark): string {
  return line === null ? subject : `${subject} (line ${line})`;
}

function groupByDetail(remarks: readonly Remark[]): [string, Remark[]][] {
  const groups = new Map<string, Remark[]>();
  for (const remark of remarks)
    groups.set(remark.detail, [...(groups.get(remark.detail) ?? []), remark]);
  return [...groups];
}

function nodeLine(node: PlanNode, source: string): string {
  const text = `${indentUnit.repeat(2)}${key(node.name)}: { role: ${JSON.stringify(node.role)}, zone: ${JSON.stringify(node.zone)} },`;
  return node.origin === null ? text : `${text} ${comment(node.origin, source)}`;
}

function fieldLines(fields: Fields, depth: number, source: string): string[] {
  return Object.entries(fields).flatMap(([name, value]) => {
    if (isCited(value)) return entry(name, literal(value), value.origin, depth, source);
    return [
      `${indentUnit.repeat(depth)}${key(name)}: {`,
      ...fieldLines(value, depth + 1, source),
      `${indentUnit.repeat(depth)}},`,
    ];
  });
}

function entry(
  name: string,
  value: string,
  origin: Origin | null,
  depth: number,
  source = "",
): string[] {
  const text = `${indentUnit.repeat(depth)}${key(name)}: ${value},`;
  return [origin === null ? text : `${text} ${comment(origin, source)}`];
}

function literal({ value }: Cited): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function comment(origin: Origin, source: string): string {
  if ("line" in origin)
    return `// ${commentSafe(source)}:${origin.line}: ${commentSafe(quoted(origin.text))}`;
  if ("assumed" in origin) return `// assumed: ${commentSafe(origin.assumed)}`;
  return `// ${commentSafe(origin.note)}`;
}

/** A config line as quoted beside its value: at most 80 characters. */
function quoted(text: string): string {
  const chars = [...text];
  return chars.length <= 80 ? text : `${chars.slice(0, 79).join("")}…`;
}

/** Text from the configuration made safe inside a line comment: a control character or a line
 *  separator (which would end the comment and turn the rest of the line into code) is written as
 *  its escape. */
function commentSafe(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

/** The words of a paragraph, a unit kept with its number ("6 s") so that no line starts with it. */
function words(text: string): string[] {
  const parts = text.split(/\s+/).filter((part) => part !== "");
  return parts.reduce<string[]>((kept, part) => {
    const previous = kept.at(-1);
    if (previous !== undefined && /\d$/.test(previous) && /^(us|ms|s|m|h|d)\b/.test(part))
      kept[kept.length - 1] = `${previous} ${part}`;
    else kept.push(part);
    return kept;
  }, []);
}

/** Greedy word wrap of one paragraph into comment lines of at most `width` characters. */
export function wrap(text: string, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words(commentSafe(text))) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}
