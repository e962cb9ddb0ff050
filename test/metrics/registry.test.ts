// The metric registry (sim/metrics/columns/) is the only list of summary metrics: docs/metrics.md
// shows each one's exact definition as its module holds it, in summary.csv's order, and every
// metric is measured and written on a real run.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { metrics, summaryColumns } from "../../sim/metrics/columns/index.ts";
import { formatMetric } from "../../sim/metrics/format-metric.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { metricColumns } from "../../sim/scenario/metric-names.ts";
import { at, crash, defineScenario, restart } from "../../sim/scenario/index.ts";

const docs = readFileSync(path.join(import.meta.dirname, "..", "..", "docs", "metrics.md"), "utf8");

/** The rows of the Metrics table: `| \`column\` | definition |`, up to the next heading. */
function documentedMetrics(): [string, string][] {
  const section = docs.slice(docs.indexOf("## Metrics"), docs.indexOf("### Validation against theory"));
  return [...section.matchAll(/^\| `([a-z_]+)` \| (.*) \|$/gm)].map((match) => [match[1], match[2]]);
}

describe("the metric registry", () => {
  it("lists summary.csv's columns, in order", () => {
    expect(summaryColumns).toEqual(metricColumns);
  });

  it("is what docs/metrics.md shows: every column, in order, with its module's definition", () => {
    expect(documentedMetrics()).toEqual(metrics.map((metric) => [metric.column, metric.definition]));
  });

  it("gives every metric a sentence for the report and a value written in its format", () => {
    const result = runScenario(
      defineScenario({
        name: "registry",
        summary: "db1 crashes at 5 s and restarts at 15 s; db2 takes over.",
        duration: "20s",
        nodes: {
          db1: { role: "primary", zone: "a" },
          db2: { role: "standby", zone: "b", costPerHour: 2 },
          mon: { role: "monitor", zone: "c" },
        },
        detector: { interval: "1s", timeout: "3s" },
        clients: { writes: "50/s" },
        faults: [at("5s", crash("db1")), at("15s", restart("db1"))],
      }),
    );
    for (const metric of metrics) {
      expect(metric.explanation).toMatch(/^[A-Z].*\.$/);
      const value = result.metrics[metric.column];
      if (value !== null) expect(formatMetric(metric.column, value)).not.toBe("");
    }
    expect(formatMetric("standby_cost", result.metrics.standby_cost)).toBe("2");
    expect(formatMetric("detection_s", result.metrics.detection_s)).toMatch(/^\d+\.\d{6}$/);
  });
});
