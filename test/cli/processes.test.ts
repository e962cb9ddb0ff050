// `sim` as a user runs it: `node bin/sim.js …` in separate processes, on the shipped scenarios
// and on broken copies of them written to a temporary folder outside the project.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricColumns } from "../../sim/scenario/metric-names.ts";

const root = path.join(import.meta.dirname, "..", "..");
const bin = path.join(root, "bin", "sim.js");
let tmp: string;

function sim(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sim-processes-"));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("sim run in separate processes", () => {
  it("gives byte-identical CSV files, charts (SVG, PNG) and report.html for the same seed, and different events for another", () => {
    const outs = ["a", "b", "c"].map((name) => path.join(tmp, name));
    expect(sim("run", "scenarios/split-brain.ts", "--out", outs[0]).code).toBe(0);
    expect(sim("run", "scenarios/split-brain.ts", "--out", outs[1]).code).toBe(0);
    expect(
      sim("run", "scenarios/split-brain.ts", "--seed", "2", "--no-charts", "--out", outs[2]).code,
    ).toBe(0);
    for (const file of ["summary.csv", "timeline.csv", "events.csv"]) {
      expect(read(outs[1], file)).toBe(read(outs[0], file));
    }
    const charts = fs.readdirSync(path.join(outs[0], "charts")).sort();
    expect(charts.filter((file) => file.endsWith(".png")).length).toBeGreaterThanOrEqual(3);
    for (const file of ["report.html", ...charts.map((chart) => path.join("charts", chart))]) {
      expect(
        fs.readFileSync(path.join(outs[1], file)).equals(fs.readFileSync(path.join(outs[0], file))),
        file,
      ).toBe(true);
    }
    expect(read(outs[2], "events.csv")).not.toBe(read(outs[0], "events.csv"));
  });

  it("prints one JSON object with every metric with --json", () => {
    const { code, out } = sim(
      "run",
      "scenarios/split-brain.ts",
      "--json",
      "--no-charts",
      "--out",
      path.join(tmp, "json"),
    );
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    for (const column of metricColumns) expect(summary).toHaveProperty(column);
    // The lesson of the scenario: two primaries for most of the one-minute partition, writes lost.
    expect(summary.split_brain_s).toBeGreaterThan(50);
    expect(summary.lost_writes).toBeGreaterThan(0);
    expect(summary.divergent_writes).toBeGreaterThan(0);
  });
});

describe("sim run on bad input", () => {
  const base = fs.readFileSync(path.join(root, "scenarios", "primary-crash.ts"), "utf8");
  const cases: [string, (text: string) => string, RegExp][] = [
    [
      "syntax error",
      (t) => t.replace("defineScenario({", "defineScenario({{"),
      /syntax error.*line \d+/,
    ],
    [
      "unknown node in a fault",
      (t) => t.replace('crash("db1")', 'crash("db9")'),
      /faults\[0\]\.fault\.node: expected a node: db1, db2, mon, got "db9"/,
    ],
    [
      "malformed duration",
      (t) => t.replace('duration: "5m"', 'duration: "5 sex"'),
      /duration: expected a duration like .*got "5 sex"/,
    ],
    [
      "negative duration",
      (t) => t.replace('promoteIn: "1s"', 'promoteIn: "-1s"'),
      /nodes\.db2\.promoteIn: expected a duration that is not negative/,
    ],
    [
      "fault after the end",
      (t) => t.replace('at("2m"', 'at("6m"'),
      /faults\[0\]\.at: expected a time within the run \(duration 5m\), got "6m"/,
    ],
  ];

  for (const [name, breakIt, message] of cases) {
    it(`exits 2 on a ${name}, with one line naming file and field, and writes nothing`, () => {
      const file = path.join(tmp, `${name.replace(/ /g, "-")}.ts`);
      fs.writeFileSync(file, breakIt(base));
      const out = path.join(tmp, `out-${name.replace(/ /g, "-")}`);
      const { code, err } = sim("run", file, "--out", out);
      expect(code).toBe(2);
      expect(err).toContain(file);
      expect(err).toMatch(message);
      expect(err.trim().split("\n")).toHaveLength(1);
      expect(err).not.toMatch(/\n\s+at /); // no stack trace
      expect(fs.existsSync(out)).toBe(false);
    });
  }

  it("exits 2 on an unknown --set path, naming it, and leaves an existing report untouched", () => {
    const out = path.join(tmp, "existing");
    expect(sim("run", "scenarios/primary-crash.ts", "--no-charts", "--out", out).code).toBe(0);
    const before = read(out, "events.csv");
    const { code, err } = sim(
      "run",
      "scenarios/primary-crash.ts",
      "--set",
      "detector.timeoutt=5s",
      "--out",
      out,
    );
    expect(code).toBe(2);
    expect(err).toMatch(/--set detector\.timeoutt/);
    expect(read(out, "events.csv")).toBe(before);
  });

  it("exits 2 on a missing file", () => {
    const { code, err } = sim("run", "scenarios/no-such-scenario.ts");
    expect(code).toBe(2);
    expect(err).toMatch(/scenarios\/no-such-scenario\.ts: .*no such file/);
  });
});

describe("sim as a good Unix citizen", () => {
  /** `sim <args> | <reader>` in bash with pipefail: sim's exit code and its stderr. */
  function piped(args: string[], reader: string) {
    const command = `"${process.execPath}" "${bin}" ${args.join(" ")} 2>"${path.join(tmp, "piped.err")}" | ${reader}`;
    const result = spawnSync("bash", ["-o", "pipefail", "-c", command], {
      cwd: root,
      encoding: "utf8",
    });
    return { code: result.status, err: fs.readFileSync(path.join(tmp, "piped.err"), "utf8") };
  }

  it("ends quietly, with its own exit code, when the reader of its output has gone (EPIPE)", () => {
    // `true` exits before sim writes anything, so every write meets a closed pipe.
    expect(piped(["list"], "true")).toEqual({ code: 0, err: "" });
    expect(piped(["--help"], "true")).toEqual({ code: 0, err: "" });
    expect(piped(["list"], "head -1")).toEqual({ code: 0, err: "" });
  });

  it("prints a shell completion script, and completes commands and options", () => {
    const script = sim("completion");
    expect(script.code).toBe(0);
    expect(script.out).toContain("###-begin-sim-completions-###");
    expect(sim("--get-yargs-completions", "sim", "").out.split("\n")).toEqual(
      expect.arrayContaining(["run", "sweep", "check", "list", "explain"]),
    );
    expect(sim("--get-yargs-completions", "sim", "check", "--").out.split("\n")).toEqual(
      expect.arrayContaining(["--seeds", "--json", "--junit"]),
    );
  });

  it("with --json, a failure yargs itself reports is one JSON object on stdout", () => {
    const { code, out, err } = sim("run", "--json");
    expect(code).toBe(2);
    expect(JSON.parse(out)).toEqual({
      error: { code: "bad-input", message: err.trim(), file: null, field: null },
    });
  });
});
