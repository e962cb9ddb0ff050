// The whole text `sim explain` prints: a title, the setting, the story with a time column
// ("t=123.0 s", or "t=19d 02:50:51" in a run of an hour or more), the outcome and the scenario's
// lesson, wrapped at `width` columns with hanging indents so each paragraph stays readable in a
// terminal. Plain text, deterministic: the same run gives the same bytes.
import type { WorldConfig } from "../model/index.ts";
import type { MetricValues } from "../scenario/metric-names.ts";
import { outcomeLines, settingLines } from "./explain-outcome.ts";
import { spokenDuration } from "../dsl/index.ts";
import type { Story, StoryLine } from "./explain-story.ts";

export interface ExplainInput {
  name: string;
  summary: string;
  seed: number;
  fingerprint: string;
  world: WorldConfig;
  metrics: MetricValues;
  breaches: readonly string[];
  story: Story;
  lesson?: string;
}

const width = 100;
const indent = "  ";

export function explainText(input: ExplainInput): string {
  const { story, world } = input;
  const timeOf = (tUs: number) => `t=${spokenDuration(tUs)}`;
  const all = [...story.lines, ...story.closing].filter((line) => !line.aside);
  const timeWidth = Math.max(0, ...all.map((line) => timeOf(line.tUs).length));
  const storyText = (line: StoryLine) =>
    line.aside
      ? wrap(`… ${line.text}`, indent + " ".repeat(timeWidth + 2), 2)
      : wrap(line.text, `${indent}${timeOf(line.tUs).padEnd(timeWidth)}  `);

  const out = [
    ...wrap(`${input.name} — ${input.summary}`, ""),
    `seed ${input.seed} · ${spokenDuration(world.durationUs)} simulated · fingerprint ${input.fingerprint}`,
    "",
    "The setting",
    ...settingLines(world).flatMap((line) => wrap(line, indent, 2)),
    "",
    "What happens",
    ...story.lines.flatMap(storyText),
    ...(story.omitted > 0
      ? wrap(
          `(${story.omitted} more events are left out here; events.csv of \`sim run\` has them all.)`,
          indent,
        )
      : []),
    ...story.closing.flatMap(storyText),
    "",
    "The outcome",
    ...outcomeLines(input.metrics, input.breaches).flatMap((line) => wrap(line, indent, 2)),
  ];
  if (input.lesson !== undefined)
    out.push("", "The lesson", ...wrap(capitalize(input.lesson), indent));
  return `${out.join("\n")}\n`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Word-wraps `text` at `width` columns: the first line after `first`, the rest indented to its length
 *  (plus `extra` spaces). A word longer than a line stays whole; a time stays whole ("3 s", "2 min 03 s"). */
function wrap(text: string, first: string, extra = 0): string[] {
  const hanging = " ".repeat(first.length + extra);
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const glued = text.replace(/\d+(?:\.\d+)? (?:ms|s|min|h|d)\b(?: \d\d (?:s|min|h)\b)?/g, (time) =>
    time.replace(/ /g, "\u0000"),
  );
  for (const word of glued
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part.replace(/\u0000/g, " "))) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = hanging + word;
    } else {
      line += empty ? word : ` ${word}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}
