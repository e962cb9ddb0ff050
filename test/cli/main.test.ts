// The `sim` command line end to end: exit codes, stdout/stderr, report folders
// (docs/DESIGN.md#contracts).
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sim } from "./sim-in-process.ts";
import { metricColumns } from "../../sim/scenario/metric-names.ts";

const scenarios = path.relative(process.cwd(), path.join(import.meta.dirname, "scenarios"));
const smallCrash = path.join(scenarios, "small-crash.ts");
let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "sim-cli-"));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** Every file below a folder (charts/ too), by relative path, with its content. */
async function folder(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const entries = (await fs.readdir(dir, { recursive: true, withFileTypes: true })).filter(
    (entry) => entry.isFile(),
  );
  const names = entries
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const name of names)
    files[name] = (await fs.readFile(path.join(dir, name))).toString(
      name.endsWith(".png") ? "base64" : "utf8",
    );
  return files;
}

const csvFiles = ["events.csv", "groups.csv", "summary.csv", "timeline.csv"];

describe("sim run", () => {
  it("prints the summary table and writes the CSV files, report.html and the charts", async () => {
    const out = path.join(root, "report");
    const { code, out: stdout, err } = await sim("run", smallCrash, "--out", out);
    expect([code, err]).toEqual([0, ""]);
    expect(stdout).toMatch(/^small-crash — db1 crashes at 10 s; db2 takes over\.\n/);
    expect(stdout).toMatch(/\n {2}failovers +1\n/);
    expect(stdout).toMatch(/\nseed 2 · fingerprint [0-9a-f]{16}\n/);
    const written = Object.keys(await folder(out));
    expect(written).toEqual(expect.arrayContaining([...csvFiles, "report.html"]));
    for (const chart of ["timeline", "writes", "lag"]) {
      for (const ext of ["vl.json", "svg", "png"])
        expect(written).toContain(`charts/${chart}.${ext}`);
    }
  });

  it("writes only the CSV files with --no-charts, the same bytes as with charts", async () => {
    const [full, plain] = [path.join(root, "full"), path.join(root, "plain")];
    expect((await sim("run", smallCrash, "--out", full)).code).toBe(0);
    expect((await sim("run", smallCrash, "--out", plain, "--no-charts")).code).toBe(0);
    const csv = await folder(plain);
    expect(Object.keys(csv)).toEqual(csvFiles);
    for (const name of csvFiles) expect(csv[name]).toBe((await folder(full))[name]);
  });

  it("prints exactly one JSON object with --json, and is byte-identical across runs", async () => {
    const first = await sim(
      "run",
      smallCrash,
      "--json",
      "--out",
      path.join(root, "a"),
      "--seed",
      "7",
    );
    const second = await sim(
      "run",
      smallCrash,
      "--json",
      "--out",
      path.join(root, "b"),
      "--seed",
      "7",
      "--no-charts",
    );
    expect(first.code).toBe(0);
    const row = JSON.parse(first.out) as Record<string, unknown>;
    expect(first.out.trim().split("\n")).toHaveLength(1);
    expect(Object.keys(row)).toEqual(["scenario", "seed", "fingerprint", ...metricColumns]);
    expect(row.seed).toBe(7);
    expect(second.out).toBe(first.out);
    const [a, b] = [await folder(path.join(root, "a")), await folder(path.join(root, "b"))];
    expect(Object.keys(b)).toEqual(csvFiles);
    for (const name of csvFiles) expect(b[name]).toBe(a[name]);
  });

  it("exits 1 on an unmet expectation and still writes the report", async () => {
    const out = path.join(root, "unmet");
    const { code, out: stdout } = await sim("run", path.join(scenarios, "unmet.ts"), "--out", out);
    expect(code).toBe(1);
    expect(stdout).toContain("expectation not met: expected failovers ≥ 1, got 0");
    expect(Object.keys(await folder(out))).toEqual(
      expect.arrayContaining([...csvFiles, "report.html"]),
    );
  });

  it("exits 2 on a bad scenario with one paragraph naming file and field, leaving the folder alone", async () => {
    const out = path.join(root, "existing");
    await fs.mkdir(out);
    await fs.writeFile(path.join(out, "summary.csv"), "previous\n");
    const {
      code,
      out: stdout,
      err,
    } = await sim("run", path.join(scenarios, "misspelt.ts"), "--out", out);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(err).toContain("misspelt.ts");
    expect(err).toContain("duraton");
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(await folder(out)).toEqual({ "summary.csv": "previous\n" });
  });

  it("exits 2 on bad flags, unknown paths and unknown commands", async () => {
    const cases = [
      ["run", smallCrash, "--seed", "abc"],
      ["run", smallCrash, "--set", "detector.timeoutt=5s", "--out", path.join(root, "x")],
      ["run", smallCrash, "--trace", "everything"],
      ["run", smallCrash, "--bogus"],
      ["run", "no-such-file.ts"],
      ["run"],
      ["frobnicate"],
      [],
    ];
    for (const argv of cases) {
      const { code, out, err } = await sim(...argv);
      expect({ argv, code, out }).toEqual({ argv, code: 2, out: "" });
      expect(err.trim().split("\n")).toHaveLength(1);
    }
    await expect(fs.access(path.join(root, "x"))).rejects.toThrow();
  });
});

describe("sim list", () => {
  it("lists names and summaries aligned, and failing files with their error, then exits 2", async () => {
    const { code, out, err } = await sim("list", scenarios);
    expect(code).toBe(2);
    const lines = out.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^.*misspelt\.ts {2}error: .*duraton/);
    expect(lines[1]).toMatch(/^small-crash +db1 crashes at 10 s; db2 takes over\.$/);
    expect(lines[2]).toMatch(/^unmet +Expects a failover that never happens\.$/);
    expect(lines[1].indexOf("db1")).toBe(lines[2].indexOf("Expects"));
    expect(err).toContain("1 of 3 scenario files");
  });

  it("lists .js and .mjs scenarios too, and skips a helper module (no default export) with a note", async () => {
    const source = await fs.readFile(smallCrash, "utf8");
    await fs.writeFile(
      path.join(root, "a.mjs"),
      source.replace('name: "small-crash"', 'name: "small-crash-js"'),
    );
    await fs.writeFile(path.join(root, "b.ts"), source);
    await fs.writeFile(path.join(root, "helpers.ts"), 'export const zone = "a";\n');
    await fs.writeFile(path.join(root, "types.d.ts"), "export type Zone = string;\n");
    const { code, out, err } = await sim("list", root);
    expect(code).toBe(0);
    expect(
      out
        .trim()
        .split("\n")
        .map((line) => line.split(" ")[0]),
    ).toEqual(["small-crash-js", "small-crash"]);
    expect(err).toBe(
      `note: ${path.join(root, "helpers.ts")} has no default export; skipped as a helper module, not a scenario.\n`,
    );
  });

  it("--json: the shipped scenarios with story, lesson and questions; `list` marks them", async () => {
    const { code, out, err } = await sim("list", "--json");
    expect({ code, err }).toEqual({ code: 0, err: "" });
    const listed = JSON.parse(out) as Record<string, unknown>[];
    for (const entry of listed)
      expect(Object.keys(entry)).toEqual([
        "name",
        "file",
        "summary",
        "story",
        "lesson",
        "questions",
      ]);
    const teaching = listed.filter(
      (entry) =>
        typeof entry.story === "string" &&
        typeof entry.lesson === "string" &&
        (entry.questions as { q: string; a: string }[]).length >= 2,
    );
    expect(teaching.length).toBeGreaterThanOrEqual(12);
    expect(listed.find((entry) => entry.name === "split-brain")?.file).toBe(
      path.join("scenarios", "split-brain.ts"),
    );
    const table = (await sim("list")).out.split("\n");
    expect(table.find((line) => line.startsWith("split-brain "))).toMatch(/^split-brain +lesson +/);
    expect(table.find((line) => line.startsWith("bench-busy-day "))).not.toContain("lesson");
  });

  it("--json: a file that fails is named on stderr with every problem, and the exit code is 2", async () => {
    const source = await fs.readFile(smallCrash, "utf8");
    await fs.writeFile(
      path.join(root, "bad.ts"),
      source.replace(
        'name: "small-crash",',
        'name: "bad", story: "db1 crashes.", questions: [{ q: "?", a: "!" }], keyFigures: "rpoS",',
      ),
    );
    const { code, out, err } = await sim("list", root, "--json");
    expect(code).toBe(2);
    expect(JSON.parse(out)).toEqual([]);
    const bad = path.join(root, "bad.ts");
    for (const field of ["questions", "keyFigures", "lesson"])
      expect(err).toContain(`${bad}: ${field}: expected`);
    expect(err).not.toContain(`${bad}: ${bad}`);
  });

  it("exits 2 for a folder that does not exist", async () => {
    const { code, err } = await sim("list", path.join(root, "nowhere"));
    expect(code).toBe(2);
    expect(err).toContain("nowhere");
  });
});
