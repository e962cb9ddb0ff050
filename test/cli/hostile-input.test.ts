// Input as a hostile or unlucky user gives it, through the CLI in this process: every mistake of a
// file in one run, prototype paths, names that would be formulas or flags, control characters for
// the terminal, and configurations that would run away — each refused at once with exit 2 and a
// message naming the field or the limit, its value and how to raise it, nothing written.
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sim } from "./sim-in-process.ts";
import { neutralCell } from "../../sim/report/csv.ts";

let root: string;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "sim-hostile-"));
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** A scenario file in the temporary folder, from a body of defineScenario({...}). */
async function scenarioFile(
  name: string,
  body: string,
  imports = "at, crash, defineScenario",
): Promise<string> {
  const file = path.join(root, `${name}.ts`);
  await fs.writeFile(
    file,
    `import { ${imports} } from "failover-sim";\nexport default defineScenario({\n${body}\n});\n`,
  );
  return file;
}

const base = `
  name: "hostile",
  summary: "A scenario to break.",
  duration: "1m",
  nodes: { db1: { role: "primary" }, db2: { role: "standby" }, mon: { role: "monitor" } },`;

async function refused(args: string[]): Promise<{ err: string; lines: string[] }> {
  const out = path.join(root, "never-written");
  const { code, out: stdout, err } = await sim(...args, "--out", out);
  expect(code, err).toBe(2);
  expect(stdout).toBe("");
  expect(err).not.toMatch(/\n\s+at /); // no stack trace
  await expect(fs.stat(out)).rejects.toThrow(); // nothing written
  return { err, lines: err.trim().split("\n") };
}

describe("every problem of a file in one run", () => {
  it("a scenario with three mistakes gets three messages", async () => {
    // A misspelt key, a duration without a unit, a fault naming a node that does not exist.
    const file = await scenarioFile(
      "three",
      `${base}\n  detectr: { timeout: "3s" },\n  replication: { lag: "50" },\n  faults: [at("10s", crash("db9"))],`,
    );
    const { lines } = await refused(["run", file]);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      `${file}: detectr: expected a key of the scenario: name, summary, duration, seed, nodes, network, policy, replication, detector, failover, clients, faults, chaos, expect, story, lesson, questions or keyFigures, got unknown key "detectr" (did you mean "detector"?).`,
    );
    expect(lines[1]).toMatch(
      new RegExp(`^${file}: replication\\.lag: expected a duration like "250ms".*got "50"\\.$`),
    );
    expect(lines[2]).toBe(
      `${file}: faults[0].fault.node: expected a node: db1, db2, mon, got "db9".`,
    );
  });

  it("every bad --set, and the file's own problems, together", async () => {
    const file = await scenarioFile("sets", `${base}\n  faults: [at("10s", crash("db9"))],`);
    const { lines } = await refused([
      "run",
      file,
      "--set",
      "detector.timeoutt=5s",
      "--set",
      "network.links.__proto__.latency=5ms",
    ]);
    expect(lines.map((line) => line.split(": ")[1])).toEqual([
      "--set detector.timeoutt",
      "--set network.links.__proto__.latency",
      "faults[0].fault.node",
    ]);
  });
});

describe("input hygiene", () => {
  it("--set with __proto__ (or constructor, prototype) exits 2 naming it", async () => {
    const file = await scenarioFile("proto", base);
    for (const path of [
      "network.links.__proto__.latency",
      "__proto__.polluted",
      "nodes.db1.constructor",
      "detector.prototype",
    ]) {
      const { err } = await refused(["run", file, "--set", `${path}=5ms`]);
      expect(err).toMatch(
        new RegExp(
          `--set ${path.replace(/\./g, "\\.")}: expected a path of scenario fields \\(never __proto__, constructor or prototype\\)`,
        ),
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a node named =HYPERLINK(1) exits 2 naming the name rule; so do a flag-like scenario name and toString", async () => {
    const formula = await scenarioFile("formula", base.replace("db2: {", `"=HYPERLINK(1)": {`));
    expect((await refused(["run", formula])).err).toContain(
      `nodes.=HYPERLINK(1): expected a name following the name rule: letters, digits, "-" and "_", starting with a letter, at most 64 characters as the key, got "=HYPERLINK(1)".`,
    );
    const flag = await scenarioFile("flag", base.replace(`name: "hostile"`, `name: "-rf"`));
    expect((await refused(["run", flag])).err).toMatch(
      /name: expected a name following the name rule.*got "-rf"/,
    );
    const inherited = await scenarioFile("inherited", base.replace("db2: {", `toString: {`));
    expect((await refused(["run", inherited])).err).toMatch(
      /nodes\.toString: expected a name following the name rule/,
    );
  });

  it("a summary with terminal escapes is shown with them escaped", async () => {
    const file = await scenarioFile(
      "escapes",
      base.replace("A scenario to break.", "Calm\\u001b]0;owned\\u0007\\u001b[2J here."),
    );
    const { code, out } = await sim(
      "run",
      file,
      "--no-charts",
      "--out",
      path.join(root, "escapes"),
    );
    expect(code).toBe(0);
    expect(out).toContain("Calm\\x1b]0;owned\\x07\\x1b[2J here.");
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  it("CSV cells that a spreadsheet would run are neutralised; numbers are not", () => {
    expect(
      ["=HYPERLINK(1)", "+1+1", "-cmd", "@SUM(A1)", "\tx", "-1.5", "+2", "1e-3", "db1"].map(
        neutralCell,
      ),
    ).toEqual([
      "'=HYPERLINK(1)",
      "'+1+1",
      "'-cmd",
      "'@SUM(A1)",
      "'\tx",
      "-1.5",
      "+2",
      "1e-3",
      "db1",
    ]);
  });
});

describe("runaway configurations stop at a named limit before they run", () => {
  const standbys = (count: number) =>
    `Object.fromEntries(Array.from({ length: ${count} }, (_, i) => [\`s\${i}\`, { role: "standby" as const }]))`;
  const monitors = (count: number) =>
    `Object.fromEntries(Array.from({ length: ${count} }, (_, i) => [\`m\${i}\`, { role: "monitor" as const }]))`;
  const cases: [string, string, string, RegExp][] = [
    [
      "5,000 standbys",
      `nodes: { db1: { role: "primary" }, mon: { role: "monitor" }, ...${standbys(5000)} },`,
      "",
      /nodes: expected at most the limit of 1,000 on nodes \(raise it with --max-nodes N\), got 5,002 nodes/,
    ],
    [
      "2,000 monitors",
      `nodes: { db1: { role: "primary" }, db2: { role: "standby" }, ...${monitors(2000)} },`,
      "",
      /the limit of 100 on monitors \(raise it with --max-monitors N\), got 2,000 monitors/,
    ],
    [
      "a million connections a group",
      `clients: { writes: "10/s", connections: 1e9 },`,
      "",
      /clients: expected at most the limit of 1,000,000 on client connections .*--max-connections N\), got 1,000,000,000 connections/,
    ],
    [
      "a million faults",
      `faults: Array.from({ length: 1e6 }, (_, i) => at(\`\${i % 50}s\`, crash("db2"))),`,
      "",
      /faults: .*--max-scheduled-faults N\), got 1,000,000 faults/,
    ],
    [
      "chaos every microsecond",
      `chaos: chaos({ crash: { mtbf: "1us", mttr: "1us" } }),`,
      ", chaos",
      /chaos: .*--max-scheduled-faults N\), got about 120,000,000 faults drawn over 1m/,
    ],
    [
      "a million client groups",
      `clients: Array.from({ length: 1e6 }, () => ({ writes: "1/s" })),`,
      "",
      /clients: .*--max-client-groups N\), got 1,000,000 client groups/,
    ],
    [
      "10⁶ writes/s for 30 days",
      `clients: { writes: "1000000/s" },`,
      "",
      /\(the run\): expected at most the limit of 100,000,000 on events a run may process \(raise it with --max-events N\), got about 1\.2e13 events, mostly clients: 1,000,000 writes\/s over 30d/,
    ],
    [
      "a 1 µs heartbeat",
      `detector: { interval: "1us", timeout: "3us" },`,
      "",
      /--max-events N\), got about .* events, mostly monitors: 1 every 1us over 30d/,
    ],
  ];
  for (const [name, field, imports, message] of cases) {
    it(name, async () => {
      const durationOf =
        name.includes("30 days") || name.includes("heartbeat") ? `duration: "30d",` : "";
      const body =
        base.replace(`duration: "1m",`, durationOf || `duration: "1m",`) + `\n  ${field}`;
      const spread = field.startsWith("nodes:")
        ? body.replace(
            /\n\s*nodes: \{ db1: \{ role: "primary" \}, db2: \{ role: "standby" \}, mon: \{ role: "monitor" \} \},/,
            "",
          )
        : body;
      const file = await scenarioFile(
        name.replace(/\W+/g, "-"),
        spread,
        `at, crash, defineScenario${imports}`,
      );
      const { err } = await refused(["run", file]);
      expect(err).toMatch(message);
    });
  }

  it("a limit raised on the command line lets the run through; a bad limit flag is named", async () => {
    const file = await scenarioFile(
      "raised",
      `${base}\n  clients: { writes: "10/s", connections: 2000 },`,
    );
    await refused(["run", file, "--max-connections", "1000"]);
    const { code } = await sim(
      "run",
      file,
      "--no-charts",
      "--max-connections",
      "2000",
      "--out",
      path.join(root, "raised"),
    );
    expect(code).toBe(0);
    const { err } = await refused(["run", file, "--max-events", "lots", "--max-memory", "-1"]);
    expect(err.trim().split("\n")).toEqual([
      `--max-events expects a whole number above 0, like 5000000 or 5e6, got "lots".`,
      `--max-memory expects megabytes, like 8192 or 8GB, got "-1".`,
    ]);
  });

  it("a run that reaches --max-pending stops with exit 2 naming the limit and its flag; --max-events below the estimate refuses at once", async () => {
    const file = await scenarioFile("pending", `${base}\n  clients: { writes: "1000/s" },`);
    expect((await refused(["run", file, "--max-pending", "50"])).err).toMatch(
      /^The run stopped at the limit of 50 on events pending at once \(raise it with --max-pending N\): more than 50 events pending at t=.* s\. No report was written\.$/m,
    );
    expect((await refused(["run", file, "--max-events", "2000"])).err).toMatch(
      /\(the run\): expected at most the limit of 2,000 on events a run may process \(raise it with --max-events N\), got about 282,900 events, mostly clients: 1,000 writes\/s over 1m\./,
    );
  });

  it("--max-wall stops a run mid-way", async () => {
    const file = await scenarioFile(
      "wall",
      `${base.replace(`duration: "1m"`, `duration: "2h"`)}\n  clients: { writes: "2000/s" },`,
    );
    const { err } = await refused(["run", file, "--max-wall", "300ms"]);
    expect(err).toMatch(
      /The run stopped at the limit of 300ms on the wall-clock time of a run \(raise it with --max-wall DURATION, or --max-wall none\); no report was written\./,
    );
  });
});
