// The metric registry (sim/metrics/columns/) is the only list of summary metrics: docs/metrics.md
// shows each one's exact definition as its module holds it, in summary.csv's order, and every
// metric is measured and written on a real run.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { metrics, summaryColumns } from "../../sim/metrics/columns/index.ts";
import { formatMetric } from "../../sim/metrics/format-metric.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { loadScenarioFile } from "../../sim/scenario/load.ts";
import { metricColumns } from "../../sim/scenario/metric-names.ts";

const root = path.join(import.meta.dirname, "..", "..");
const docs = readFileSync(path.join(root, "docs", "metrics.md"), "utf8");

/** The rows of the Metrics table: `| \`column\` | definition |`, up to the next heading. */
function documentedMetrics(): [string, string][] {
  const section = docs.slice(
    docs.indexOf("## Metrics"),
    docs.indexOf("### Validation against theory"),
  );
  return [...section.matchAll(/^\| `([a-z_]+)` \| (.*) \|$/gm)].map((match) => [
    match[1],
    match[2],
  ]);
}

describe("the metric registry", () => {
  it("lists summary.csv's columns, in order", () => {
    expect(summaryColumns).toEqual(metricColumns);
  });

  it("is what docs/metrics.md shows: every column, in order, with its module's definition", () => {
    expect(documentedMetrics()).toEqual(
      metrics.map((metric) => [metric.column, metric.definition]),
    );
  });

  it("gives every metric a sentence for the report and a value written in its format", async () => {
    const file = "scenarios/primary-crash.ts";
    const result = runScenario(await loadScenarioFile(path.join(root, file)), { file });
    for (const metric of metrics) {
      expect(metric.explanation).toMatch(/^[A-Z].*\.$/);
      const value = result.metrics[metric.column];
      if (value !== null) expect(formatMetric(metric.column, value)).not.toBe("");
    }
    expect(formatMetric("detection_s", result.metrics.detection_s)).toMatch(/^\d+\.\d{6}$/);
    expect(formatMetric("writes_attempted", result.metrics.writes_attempted)).toMatch(/^[1-9]\d*$/);
  });
});
