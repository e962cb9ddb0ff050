// The context every run chart carries (context-layers.ts): a fault never repaired is shaded from
// its start to the end of the run in its own legend entry and hatched — not the whole chart —
// and on a crowded timeline the labels of faults and promotions never overlap: in each row every
// label clears the one before it, and none runs past the plot.
import { describe, expect, it } from "vitest";
import { renderSvg } from "../../sim/report/charts/render.ts";
import { runCharts } from "../../sim/report/charts/run-charts.ts";
import {
  chartContext,
  hatchSpacingPx,
  labelFontSize,
  maxLabelRows,
} from "../../sim/report/charts/context-layers.ts";
import { plotWidth } from "../../sim/report/charts/theme.ts";
import { TimeAxis } from "../../sim/report/charts/time-axis.ts";
import { fixtureRun } from "./chart-fixtures.ts";

type Spec = Record<string, any>;

describe("an unrepaired fault", () => {
  const run = fixtureRun();
  const crash = {
    kind: "crash",
    label: "crash db2",
    startUs: 200e6,
    endUs: 301e6,
    repaired: false,
  };
  run.series = {
    ...run.series,
    faults: { periods: [...run.series.faults.periods, crash], omitted: 0 },
  };
  const spec = runCharts(run).charts[0].spec as Spec;

  it("is shaded from its start to the end of the run, under a legend entry of its own", () => {
    expect(spec.datasets.faults).toEqual([
      { label: "partition db1,clients | db2,mon", start: 120, end: 180, shade: "fault in effect" },
      { label: "crash db2", start: 200, end: 301, shade: "fault never repaired" },
    ]);
    const domain = spec.layer[0].encoding.color.scale.domain as string[];
    expect(domain.slice(-2)).toEqual(["fault in effect", "fault never repaired"]);
  });

  it("is hatched with lines every few pixels inside its period only", () => {
    const hatch = (spec.datasets.hatch as { t: number }[]).map((line) => line.t);
    expect(hatch.length).toBe(Math.round((101 / 301) * (plotWidth / hatchSpacingPx)));
    expect(Math.min(...hatch)).toBeGreaterThan(200);
    expect(Math.max(...hatch)).toBeLessThan(301);
  });

  it("renders with both legend entries and no warning", async () => {
    const { svg, warnings } = await renderSvg(spec);
    expect(warnings).toEqual([]);
    expect(svg).toContain(">fault never repaired<");
    expect(svg).toContain(">fault in effect<");
  });
});

describe("a crowded timeline", () => {
  it("packs labels in rows where none overlaps another or the plot's edges", () => {
    const run = fixtureRun();
    const endUs = 600e6;
    // 60 faults and 60 promotions within four minutes: far more labels than fit.
    const periods = Array.from({ length: 60 }, (_, i) => ({
      kind: "blip",
      label: `blip east | west for ${(i % 7) + 1} s`,
      startUs: 100e6 + i * 4e6,
      endUs: 100e6 + i * 4e6 + 2e6,
      repaired: true,
    }));
    const marks = Array.from({ length: 60 }, (_, i) => ({
      tUs: 101e6 + i * 4e6,
      node: i % 2 === 0 ? "db2" : "db1",
      previous: i % 2 === 0 ? "db1" : "db2",
      kind: "false failover" as const,
    }));
    const series = {
      ...run.series,
      endUs,
      faults: { periods, omitted: 0 },
      promotions: { marks, omitted: 0 },
    };
    const context = chartContext(series, new TimeAxis(endUs));
    const labels = context.datasets.annotations;
    expect(labels.length).toBeGreaterThan(maxLabelRows);
    const px = (t: number) => (t * 1e6 * plotWidth) / endUs;
    // The same width estimate the packing uses, DejaVu Sans at the label size.
    const extent = (label: (typeof labels)[number]) => {
      const width = label.text.length * 0.62 * labelFontSize;
      const x = px(label.t);
      return label.align === "left" ? [x, x + width] : [x - width, x];
    };
    const rows = new Map<number, number[][]>();
    for (const label of labels) {
      const [start, end] = extent(label);
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(plotWidth);
      rows.set(label.labelY, [...(rows.get(label.labelY) ?? []), [start, end]]);
    }
    expect(rows.size).toBeLessThanOrEqual(maxLabelRows);
    for (const spans of rows.values()) {
      spans.sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThan(spans[i - 1][1]);
    }
  });
});
