// The parts of report.html that teach: the opening (title, summary, the scenario's story and
// lesson, and its three key figures — the metrics the scenario names, or those its `expect`
// bounds, else downtime, lost writes and false failovers; teaching.ts chooses them) and, at the
// end of the page, the interview questions with their answers folded in <details>. A scenario
// without teaching fields opens with its title, summary and key figures alone. All text escaped.
import { humanMetric } from "../../metrics/format-metric.ts";
import { metricOf } from "../../metrics/columns/index.ts";
import type { MetricColumn, MetricValues, Teaching } from "../../scenario/index.ts";
import { escapeHtml } from "./escape.ts";

export interface LeadInput {
  name: string;
  summary: string;
  seed: number;
  fingerprint: string;
  teaching: Teaching;
  metrics: MetricValues;
}

export function leadSection(input: LeadInput): string {
  const { teaching } = input;
  return [
    '<header class="lead">',
    `<h1>${escapeHtml(input.name)}</h1>`,
    `<p class="summary">${escapeHtml(input.summary)}</p>`,
    teaching.story === null ? "" : `<p class="story">${escapeHtml(teaching.story)}</p>`,
    teaching.lesson === null
      ? ""
      : `<p class="lesson"><strong>The lesson:</strong> ${escapeHtml(teaching.lesson)}</p>`,
    keyFigures(teaching.keyFigures, input.metrics),
    `<p class="meta">seed ${input.seed} · fingerprint <code>${escapeHtml(input.fingerprint)}</code> · ` +
      "the same scenario, seed and overrides give this report again, byte for byte</p>",
    "</header>",
  ]
    .filter((part) => part !== "")
    .join("\n");
}

/** "split_brain_s" → "split brain", "rto_s" → "RTO": the figure's caption. */
export function figureLabel(column: MetricColumn): string {
  return column
    .replace(/_s$/, "")
    .split("_")
    .map((word) => (["rto", "rpo", "ryw"].includes(word) ? word.toUpperCase() : word))
    .join(" ");
}

function keyFigures(columns: readonly MetricColumn[], metrics: MetricValues): string {
  const figures = columns.map(
    (column) =>
      `<div class="figure" data-metric="${column}">` +
      `<div class="figure-value">${escapeHtml(humanMetric(column, metrics[column]))}</div>` +
      `<div class="figure-label">${escapeHtml(figureLabel(column))}</div>` +
      `<div class="figure-meaning">${escapeHtml(metricOf(column).explanation)}</div></div>`,
  );
  return `<div class="key-figures" aria-label="Key figures">\n${figures.join("\n")}\n</div>`;
}

/** The questions, each answer folded until the reader opens it. */
export function questionsSection(teaching: Teaching): string {
  if (teaching.questions.length === 0) return "";
  const items = teaching.questions.map(
    ({ q, a }) =>
      `<li><details><summary>${escapeHtml(q)}</summary><p>${escapeHtml(a)}</p></details></li>`,
  );
  return [
    '<section id="questions">',
    "<h2>Questions</h2>",
    '<p class="note">What an interviewer might ask about this run. Answer first, then open the answer.</p>',
    '<ol class="questions">',
    ...items,
    "</ol>",
    "</section>",
  ].join("\n");
}
