// What the browser tests share: Debian's chromium (never a downloaded browser) driven headless
// by playwright-core, and the rule for when it is missing — skipped with a reason on a developer's
// machine, a failure under CI=true (.ci/run installs chromium). A page opened here reports every
// console error, page error and request that would leave the machine (the report works offline).
import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";

export const chromiumPath = "/usr/bin/chromium";
const inCi = process.env.CI === "true";

/** Why the browser tests are skipped here, or null when they run. */
export const skipReason: string | null =
  existsSync(chromiumPath) || inCi
    ? null
    : `${chromiumPath} not found (apt-get install chromium); runs under CI=true`;

if (skipReason) console.warn(`browser test skipped: ${skipReason}`);

const launchArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The system's chromium; under CI=true a missing one fails the test that asks for it. */
export async function launchChromium(): Promise<Browser> {
  expect(
    existsSync(chromiumPath),
    `CI=true but ${chromiumPath} is missing: .ci/run installs Debian's chromium`,
  ).toBe(true);
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: chromiumPath, args: launchArgs });
}

/** A page that records what goes wrong on it: console errors, page errors, requests leaving
 *  the machine (anything but file: and data: URLs). */
export async function watchedPage(
  browser: Browser,
  viewport = { width: 1300, height: 900 },
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    if (!/^(file|data):/.test(request.url())) problems.push(`request: ${request.url()}`);
  });
  return { page, problems };
}
