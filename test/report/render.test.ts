// Headless rendering: every run chart renders without warnings, the same spec gives the same SVG
// and PNG bytes every time, and the PNG has text (resvg found the shipped font). Several charts
// at once (renderCharts, PNGs rasterised off the main thread) give the same bytes, in order.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fontFiles, renderChart, renderCharts } from "../../sim/report/charts/render.ts";
import { runCharts } from "../../sim/report/charts/run-charts.ts";
import { fixtureRun } from "./chart-fixtures.ts";

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe("renderChart", () => {
  it("renders every run chart to SVG and PNG, byte-identical on a second render, without warnings", async () => {
    for (const chart of runCharts(fixtureRun()).charts) {
      const first = await renderChart(chart.spec);
      const second = await renderChart(structuredClone(chart.spec));
      expect({ chart: chart.name, warnings: first.warnings }).toEqual({
        chart: chart.name,
        warnings: [],
      });
      expect(first.svg.startsWith("<svg ")).toBe(true);
      expect(first.svg).toContain('font-family="DejaVu Sans"');
      expect([...first.png.subarray(0, 8)]).toEqual(pngSignature);
      expect(second.svg).toBe(first.svg);
      expect(Buffer.from(second.png).equals(Buffer.from(first.png))).toBe(true);
    }
  });

  it("draws text into the PNG with the shipped DejaVu Sans (resvg drops text without a font)", async () => {
    for (const file of fontFiles()) expect(existsSync(file)).toBe(true);
    const spec = (title: string) => ({
      width: 100,
      height: 20,
      title,
      data: { values: [{ x: 1 }] },
      mark: "point",
      encoding: { x: { field: "x", type: "quantitative" } },
    });
    const [a, b] = await Promise.all([renderChart(spec("AAAA")), renderChart(spec("BBBB"))]);
    expect(a.svg.replaceAll("AAAA", "BBBB")).toBe(b.svg);
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(false);
  });
});

describe("renderCharts", () => {
  it("gives each chart exactly what renderChart gives it, in the order asked", async () => {
    const specs = runCharts(fixtureRun()).charts.map((chart) => chart.spec);
    expect(specs.length).toBeGreaterThan(1);
    const together = await renderCharts([...specs].reverse());
    const alone = [];
    for (const spec of specs) alone.push(await renderChart(spec));
    alone.reverse();
    expect(together.map((chart) => chart.svg)).toEqual(alone.map((chart) => chart.svg));
    expect(together.map((chart) => chart.plot)).toEqual(alone.map((chart) => chart.plot));
    for (const [i, chart] of together.entries())
      expect(Buffer.from(chart.png).equals(Buffer.from(alone[i].png))).toBe(true);
  });

  it("fails as a whole when a chart fails, after others were sent to be rasterised", async () => {
    const specs = runCharts(fixtureRun()).charts.map((chart) => chart.spec);
    const broken = { mark: "point", encoding: { x: { field: "x", type: "no-such-type" } } };
    await expect(renderCharts([...specs, broken])).rejects.toThrow();
  });
});
