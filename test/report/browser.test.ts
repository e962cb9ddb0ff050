// report.html in a real browser: Debian's chromium (never a downloaded one), driven headless by
// playwright-core (browser-kit.ts). Every chart must be drawn — an <svg> of non-zero size holding
// marks — with no console error, no page error and no request leaving the machine (the page works
// offline). Without /usr/bin/chromium the test is skipped with a reason, except under CI=true,
// where .ci/run installs chromium and a missing browser is a failure.
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { runCharts } from "../../sim/report/charts/run-charts.ts";
import { writeRunReport } from "../../sim/report/run-report.ts";
import { loadScenarioFile } from "../../sim/scenario/index.ts";
import { launchChromium, skipReason, watchedPage } from "./browser-kit.ts";

describe.skipIf(skipReason !== null)(
  `report.html in headless Chromium${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  () => {
    let root: string;
    let expectedCharts: string[];

    beforeAll(async () => {
      root = await fs.mkdtemp(path.join(os.tmpdir(), "sim-browser-"));
      const file = "scenarios/split-brain.ts";
      const result = runScenario(await loadScenarioFile(file), { file });
      expectedCharts = runCharts(result).charts.map((chart) => chart.name);
      await writeRunReport(root, result);
    }, 120_000);

    afterAll(async () => {
      if (root) await fs.rm(root, { recursive: true, force: true });
    });

    it("renders every chart, with no console error, page error or network request", async () => {
      const browser = await launchChromium();
      try {
        const { page, problems } = await watchedPage(browser);
        await page.goto(pathToFileURL(path.join(root, "report.html")).href, { waitUntil: "load" });

        expect(await page.title()).toBe("split-brain — failover-sim report");
        const charts = await page.$$eval("svg[data-chart]", (svgs) =>
          svgs.map((svg) => {
            const box = svg.getBoundingClientRect();
            const marks = svg.querySelectorAll("g[class*='role-mark'] > *").length;
            return {
              name: svg.getAttribute("data-chart"),
              width: box.width,
              height: box.height,
              marks,
            };
          }),
        );
        expect(charts.map((chart) => chart.name)).toEqual(expectedCharts);
        expect(expectedCharts).toContain("timeline");
        for (const chart of charts) {
          expect(chart.width, `${chart.name} width`).toBeGreaterThan(100);
          expect(chart.height, `${chart.name} height`).toBeGreaterThan(50);
          expect(chart.marks, `${chart.name} marks`).toBeGreaterThan(0);
        }
        const storyLines = await page.$$eval("ol.events li", (items) => items.length);
        expect(storyLines).toBeGreaterThan(3);
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  },
);
