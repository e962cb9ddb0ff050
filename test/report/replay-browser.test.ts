// The replay of report.html in a real browser (Debian's chromium through playwright-core,
// browser-kit.ts): split brain stepped through with the keyboard. The drawing must show one
// primary at the start, two while the partition lasts (db2 promoted, db1 still primary, the
// links between the zones cut) and one again after the heal; play must advance on its own; the
// slider must answer Home and End; the cursor on the timeline chart must follow; and the page must
// ask nothing of the network. Screenshots of three moments are kept in test/artifacts/replay/
// (git ignores the folder) for a person to look at.
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { writeRunReport } from "../../sim/report/run-report.ts";
import { loadScenarioFile } from "../../sim/scenario/index.ts";
import { launchChromium, skipReason, watchedPage } from "./browser-kit.ts";

const artifacts = path.join(import.meta.dirname, "..", "artifacts", "replay");

/** What the replay shows now: its sentence, how many primaries, each node's state, the cut links. */
async function shown(page: Page) {
  return page.evaluate(() => {
    const root = document.getElementById("replay")!;
    const states: Record<string, string> = {};
    root.querySelectorAll("g.endpoint[data-state]").forEach((group) => {
      states[group.getAttribute("data-name")!] = group.getAttribute("data-state")!;
    });
    const cursor = document.querySelector("line.replay-cursor");
    return {
      sentence: root.querySelector(".replay-sentence")!.textContent ?? "",
      primaries: Number(root.querySelector(".replay-primaries")!.getAttribute("data-primaries")),
      states,
      cut: root.querySelectorAll('g.link[data-trouble="cut"][visibility="visible"]').length,
      time: root.querySelector("output")!.textContent ?? "",
      cursorX: Number(cursor?.getAttribute("x1") ?? NaN),
    };
  });
}

/** Presses "Next event" from the keyboard until the sentence matches; at most 40 presses. */
async function nextUntil(page: Page, pattern: RegExp) {
  for (let i = 0; i < 40; i++) {
    await page.focus("#replay [data-action=next]");
    await page.keyboard.press("Enter");
    const now = await shown(page);
    if (pattern.test(now.sentence)) return now;
  }
  throw new Error(`no event matching ${pattern}`);
}

/** The replay and the timeline chart below it, as one picture. */
async function screenshot(page: Page, name: string) {
  const top = await page.locator("#replay").boundingBox();
  const chart = await page.locator("#chart-timeline").boundingBox();
  const width = Math.max(top!.width, chart!.width);
  await page.setViewportSize({ width: 1300, height: Math.ceil(chart!.y + chart!.height + 40) });
  await page.screenshot({
    path: path.join(artifacts, `${name}.png`),
    clip: { x: top!.x, y: top!.y, width, height: chart!.y + chart!.height - top!.y },
  });
}

describe.skipIf(skipReason !== null)(
  `the replay of split-brain in headless Chromium${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  () => {
    let root: string;

    beforeAll(async () => {
      root = await fs.mkdtemp(path.join(os.tmpdir(), "sim-replay-"));
      await fs.mkdir(artifacts, { recursive: true });
      const file = "scenarios/split-brain.ts";
      await writeRunReport(root, runScenario(await loadScenarioFile(file), { file }));
    }, 120_000);

    afterAll(async () => {
      if (root) await fs.rm(root, { recursive: true, force: true });
    });

    it("shows one primary, then two during the partition, then one after the heal", async () => {
      const browser = await launchChromium();
      try {
        const { page, problems } = await watchedPage(browser);
        await page.goto(pathToFileURL(path.join(root, "report.html")).href, { waitUntil: "load" });

        const start = await shown(page);
        expect(start.sentence).toMatch(/^0 s — At the start: db1 primary, db2 standby\.$/);
        expect(start).toMatchObject({ primaries: 1, cut: 0, time: "0 s" });
        expect(start.states).toMatchObject({ db1: "primary", db2: "standby", mon: "running" });
        await screenshot(page, "1-start");

        const partition = await nextUntil(page, /Fault: the network splits/);
        expect(partition).toMatchObject({ primaries: 1, cut: 4, time: "2 min" });

        const promoted = await nextUntil(page, /db2 is promoted/);
        expect(promoted.primaries).toBe(2);
        expect(promoted.states).toMatchObject({ db1: "primary", db2: "primary" });
        expect(promoted.cut).toBe(4);
        expect(promoted.cursorX).toBeGreaterThan(start.cursorX);
        await screenshot(page, "2-partition-two-primaries");

        const stepsDown = await nextUntil(page, /db1 learns it was deposed/);
        expect(stepsDown.primaries).toBe(1);
        expect(stepsDown.states).toMatchObject({ db1: "standby", db2: "primary" });
        expect(stepsDown.cut).toBe(0);
        expect(stepsDown.cursorX).toBeGreaterThan(promoted.cursorX);
        await screenshot(page, "3-after-heal-one-primary");

        // The slider from the keyboard: End is the end of the run, Home its start.
        await page.focus("#replay input[type=range]");
        await page.keyboard.press("End");
        expect(await shown(page)).toMatchObject({ primaries: 1, time: "10 min 01 s" });
        await page.keyboard.press("Home");
        expect(await shown(page)).toMatchObject({ primaries: 1, time: "0 s" });

        // Play steps through the events by itself; pressing it again pauses.
        await page.click("#replay [data-action=play]");
        await page.waitForFunction(
          () => document.querySelector("#replay output")!.textContent !== "0 s",
          undefined,
          { timeout: 5000 },
        );
        await page.click("#replay [data-action=play]");
        expect(await page.getAttribute("#replay [data-action=play]", "aria-pressed")).toBe("false");

        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  },
);
