// The whole text `sim explain` prints: a title, the setting, the story with a time column
// ("t=123.0 s", or "t=19d 02:50:51" in a run of an hour or more), the outcome and the scenario's
// lesson, wrapped at `width` columns with hanging indents so each paragraph stays readable in a
// terminal. Plain text, deterministic: the same run gives the same bytes.
import type { WorldConfig } from "../model/index.ts";
import type { MetricValues } from "../scenario/metric-names.ts";
import { outcomeLines, settingLines } from "./explain-outcome.ts";
import { pointText } from "./explain-sentences.ts";
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
  const timeOf = (tUs: number) => `t=${pointText(tUs, world.durationUs)}`;
  const all = [...story.lines, ...story.closing].filter((line) => !line.aside);
  const timeWidth = Math.max(0, ...all.map((line) => timeOf(line.tUs).length));
  const storyText = (line: StoryLine) =>
    line.aside
      ? wrap(`… ${line.text}`, indent + " ".repeat(timeWidth + 2), 2)
      : wrap(line.text, `${indent}${timeOf(line.tUs).padEnd(timeWidth)}  `);

  const out = [
    ...wrap(`${input.name} — ${input.summary}`, ""),
    `seed ${input.seed} · ${runLengthText(world.durationUs)} simulated · fingerprint ${input.fingerprint}`,
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

/** The run's length in its largest whole unit: "10 min", "365 d", "45 s". */
function runLengthText(us: number): string {
  const s = us / 1e6;
  if (s % 86_400 === 0) return `${s / 86_400} d`;
  if (s % 3600 === 0) return `${s / 3600} h`;
  if (s % 60 === 0) return `${s / 60} min`;
  return `${s} s`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Word-wraps `text` at `width` columns: the first line after `first`, the rest indented to its length
 *  (plus `extra` spaces). A word longer than a line stays whole; a number keeps its unit ("3 s"). */
function wrap(text: string, first: string, extra = 0): string[] {
  const hanging = " ".repeat(first.length + extra);
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const glued = text.replace(/(\d) (s|ms|min|h|d)\b/g, "$1\u0000$2");
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
