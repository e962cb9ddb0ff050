// `sim check` end to end through the CLI's main(): the table, exit codes (0 all met, 1 a breach,
// 2 bad input with nothing run or written), --json as exactly one object, --junit written
// atomically, --seeds and --set. Fixtures: fixtures/crash-pass.ts (all met), fixtures/wrong.ts
// (expects two failovers from one crash: deliberately wrong), fixtures/no-expect.ts, and
// fixtures/invalid/ (a misspelt metric).
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nearestRank } from "../../sim/check/quantile.ts";
import { sim } from "../cli/sim-in-process.ts";
import { formatMetric } from "../../sim/metrics/format-metric.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { loadScenarioFile } from "../../sim/scenario/index.ts";

const fixtures = path.relative(process.cwd(), path.join(import.meta.dirname, "fixtures"));
const pass = path.join(fixtures, "crash-pass.ts");
const wrong = path.join(fixtures, "wrong.ts");
const invalid = path.join(fixtures, "invalid");
let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "sim-check-"));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe("sim check", () => {
  it("exits 0 and prints a passing row per expectation when all are met", async () => {
    const { code, out, err } = await sim("check", pass);
    expect([code, err]).toEqual([0, ""]);
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^scenario +expectation +observed +result$/);
    expect(lines.slice(1, -1).map((line) => line.replace(/ {2,}/g, " | "))).toEqual([
      "crash-pass | failovers = 1 | 1 | pass",
      "crash-pass | split_brain_s = 0 | 0.000000 | pass",
      expect.stringMatching(/^crash-pass \| p95 of downtime_s ≤ 10 \| \d+\.\d{6} \| pass$/),
      `crash-pass | "db2 ends primary" | true | pass`,
      `crash-pass | "the monitor promoted db2" | true | pass`,
    ]);
    expect(lines.at(-1)).toBe(
      "1 scenario · 5 expectations · 1 run (each scenario's own seed) · all passed",
    );
  });

  it("exits 1 on a deliberately wrong expectation, with the reason under the row", async () => {
    const { code, out, err } = await sim("check", wrong);
    expect([code, err]).toEqual([1, ""]);
    expect(out).toMatch(/\nwrong +failovers = 2 +1 +FAIL\n +↳ expected failovers = 2, got 1\n/);
    expect(out).toMatch(/\nwrong +split_brain_s = 0 +0\.000000 +pass\n/);
    expect(out.trimEnd().split("\n").at(-1)).toBe(
      "1 scenario · 2 expectations · 1 run (each scenario's own seed) · 1 FAILED",
    );
  });

  it("checks a folder's scenarios in file order; one without expectations is listed, not run", async () => {
    const { code, out } = await sim("check", fixtures);
    expect(code).toBe(1);
    const scenarios = out
      .trimEnd()
      .split("\n")
      .slice(1, -1)
      .filter((line) => !line.startsWith(" "))
      .map((line) => line.split(/ +/)[0]);
    expect([...new Set(scenarios)]).toEqual(["crash-pass", "no-expect", "wrong"]);
    expect(out).toMatch(/\nno-expect +\(no expectations: not run\) +-\n/);
    expect(out.trimEnd().split("\n").at(-1)).toBe(
      "3 scenarios (1 without expectations) · 7 expectations · 2 runs (each scenario's own seed) · 1 FAILED",
    );
  });

  it("--json prints exactly one JSON object", async () => {
    const { code, out, err } = await sim(
      "check",
      wrong,
      path.join(fixtures, "no-expect.ts"),
      "--json",
    );
    expect([code, err]).toEqual([1, ""]);
    expect(out.endsWith("\n")).toBe(true);
    expect(out.trimEnd().includes("\n")).toBe(false);
    expect(JSON.parse(out)).toEqual({
      passed: false,
      seeds: null,
      counts: { scenarios: 2, without_expectations: 1, expectations: 2, failed: 1, runs: 1 },
      scenarios: [
        {
          file: wrong,
          scenario: "wrong",
          seeds: [2],
          status: "fail",
          expectations: [
            {
              expectation: "split_brain_s = 0",
              observed: "0.000000",
              passed: true,
              message: "",
              failing_seeds: [],
            },
            {
              expectation: "failovers = 2",
              observed: "1",
              passed: false,
              message: "expected failovers = 2, got 1",
              failing_seeds: [2],
            },
          ],
        },
        {
          file: path.join(fixtures, "no-expect.ts"),
          scenario: "no-expect",
          seeds: [],
          status: "no expectations",
          expectations: [],
        },
      ],
    });
  });

  it("--junit writes one testsuite per scenario and a failure per breach, leaving no temp files", async () => {
    const junit = path.join(root, "reports", "check.xml");
    const { code, out } = await sim("check", fixtures, "--junit", junit);
    expect(code).toBe(1);
    expect(out).toContain("FAILED");
    expect(await fs.readdir(path.dirname(junit))).toEqual(["check.xml"]);
    const xml = await fs.readFile(junit, "utf8");
    expect(
      xml.startsWith(
        `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="sim check" tests="8" failures="1" errors="0" skipped="1">`,
      ),
    ).toBe(true);
    expect([...xml.matchAll(/<testsuite name="([^"]+)"/g)].map((match) => match[1])).toEqual([
      "crash-pass",
      "no-expect",
      "wrong",
    ]);
    expect(xml.match(/<testcase /g)).toHaveLength(8);
    expect(xml).toContain(`<testcase name="&quot;db2 ends primary&quot;" classname="crash-pass"`);
    expect(xml).toContain(`<failure message="expected failovers = 2, got 1" type="expectation">`);
    expect(xml).toContain(`<skipped message="the scenario has no expect; it was not run"/>`);
    // The same check writes the same bytes.
    await sim("check", fixtures, "--junit", junit);
    expect(await fs.readFile(junit, "utf8")).toBe(xml);
  });

  it("--seeds N judges over seeds 1..N: p95 of 5 seeds is the largest of the five (rank ⌈4.75⌉ = 5)", async () => {
    const { code, out } = await sim("check", pass, "--seeds", "5", "--json");
    expect(code).toBe(0);
    const [scenario] = JSON.parse(out).scenarios;
    expect(scenario.seeds).toEqual([1, 2, 3, 4, 5]);
    // The same five runs, one by one, and the quantile picked by hand.
    const raw = await loadScenarioFile(pass);
    const downtimes = [1, 2, 3, 4, 5].map(
      (seed) => runScenario(raw, { file: pass, seed }).metrics.downtime_s as number,
    );
    expect(nearestRank(5, 0.95)).toBe(5);
    const largest = Math.max(...downtimes);
    const seedOfLargest = downtimes.indexOf(largest) + 1;
    expect(scenario.expectations[2]).toEqual({
      expectation: "p95 of downtime_s ≤ 10",
      observed: `${formatMetric("downtime_s", largest)} (seed ${seedOfLargest}, rank 5 of 5)`,
      passed: true,
      message: "",
      failing_seeds: [],
    });
    expect(scenario.expectations[3].observed).toBe("true in all 5 seeds");
  });

  it("--set changes every scenario as in sim run: a 30 s timeout detects nothing in a 30 s run", async () => {
    const { code, out } = await sim("check", pass, "--set", "detector.timeout=30s");
    expect(code).toBe(1);
    expect(out).toMatch(/\ncrash-pass +failovers = 1 +0 +FAIL\n/);
    expect(out).toContain(
      `↳ check "the monitor promoted db2" failed: no promotion of db2 in the events`,
    );
  });
});

describe("sim check on bad input exits 2 and runs nothing; --junit still reports why", () => {
  it("a scenario whose expect does not validate: a JUnit report with one failing test case naming it", async () => {
    const junit = path.join(root, "check.xml");
    const { code, out, err } = await sim("check", pass, invalid, "--junit", junit);
    expect([code, out]).toEqual([2, ""]);
    expect(
      err.startsWith(
        `${path.join(invalid, "misspelt-expect.ts")}: expect.lostWrite: expected a key of expect: writesAttempted, writesAcked, `,
      ),
    ).toBe(true);
    expect(
      err.endsWith(` or checks, got unknown key "lostWrite" (did you mean "lostWrites"?).\n`),
    ).toBe(true);
    expect(err.split("\n")).toHaveLength(2); // one paragraph
    const xml = await fs.readFile(junit, "utf8");
    expect(xml).toContain(
      `<testsuites name="sim check" tests="1" failures="1" errors="0" skipped="0">`,
    );
    expect(xml).toContain(
      `<testcase name="${path.join(invalid, "misspelt-expect.ts")} (expect.lostWrite)" classname="sim check" file="${path.join(invalid, "misspelt-expect.ts")}">`,
    );
    expect(xml).toMatch(
      /<failure message="[^"]*unknown key &quot;lostWrite&quot;[^"]*" type="invalid-scenario">/,
    );
    expect(await fs.readdir(root)).toEqual(["check.xml"]); // no temp files left
  });

  it("a bad flag, even one yargs rejects, still gets its JUnit report", async () => {
    const junit = path.join(root, "flags.xml");
    expect((await sim("check", pass, "--seeds", "0", "--junit", junit)).code).toBe(2);
    expect(await fs.readFile(junit, "utf8")).toMatch(
      /<testcase name="sim check \(--seeds\)" classname="sim check">\n {6}<failure message="--seeds expects a whole number/,
    );
    await fs.rm(junit);
    expect((await sim("check", pass, "--seeeds", "3", `--junit=${junit}`)).code).toBe(2);
    expect(await fs.readFile(junit, "utf8")).toMatch(
      /<failure message="Unknown option --seeeds for sim check; did you mean --seeds\?/,
    );
  });

  it("an unknown --set path, naming the file", async () => {
    const { code, err } = await sim("check", pass, "--set", "detector.timeoutt=3s");
    expect(code).toBe(2);
    expect(err).toMatch(
      new RegExp(
        `^${pass.replace(/[.]/g, "\\.")}: --set detector\\.timeoutt: expected a key of detector`,
      ),
    );
  });

  it("a missing path, an empty folder, a bad --seeds, a --junit that is no file", async () => {
    expect(await sim("check", path.join(fixtures, "nope.ts"))).toEqual({
      code: 2,
      out: "",
      err: `${path.join(fixtures, "nope.ts")}: expected a scenario file or a folder of them, but there is no such file or folder.\n`,
    });
    expect(await sim("check", root)).toEqual({
      code: 2,
      out: "",
      err: `${root}: expected a folder of scenario files (*.ts, *.mts, *.js, *.mjs), but it holds none.\n`,
    });
    for (const seeds of ["0", "x", "1.5", "10001"]) {
      expect(await sim("check", pass, "--seeds", seeds)).toEqual({
        code: 2,
        out: "",
        err: `--seeds expects a whole number of seeds from 1 to 10000, got ${JSON.stringify(seeds)}.\n`,
      });
    }
    expect((await sim("check", pass, "--junit", `${root}/`)).err).toBe(
      `--junit expects a file to write, like reports/check.xml, got ${JSON.stringify(`${root}/`)}.\n`,
    );
  });
});
