// `sim sweep` and `sim merge` as a user runs them, in separate processes, on a small fast
// scenario: the same bytes for any worker count and for shards merged; bad input exits 2 and
// writes nothing; shards that do not fit together are refused; Ctrl-C keeps the finished runs
// and --resume completes them into the same files.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.join(import.meta.dirname, "..", "..");
const bin = path.join(root, "bin", "sim.js");
const scenario = "test/sweep/tiny-scenario.ts";
const grid = [
  "--vary",
  "detector.timeout=1s..6s/1s",
  "--vary",
  "replication.mode=async,sync",
  "--seeds",
  "4",
];
let tmp: string;

function sim(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const out = (name: string) => path.join(tmp, name);
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");

/** Every file under a folder (relative paths, sorted), hidden ones included. */
function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

function expectSameFolders(a: string, b: string) {
  expect(files(b)).toEqual(files(a));
  for (const file of files(a))
    expect(
      fs.readFileSync(path.join(b, file)).equals(fs.readFileSync(path.join(a, file))),
      file,
    ).toBe(true);
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sim-sweep-"));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("a sweep's files do not depend on how it was run", () => {
  beforeAll(() => {
    expect(
      sim("sweep", scenario, ...grid, "--workers", "1", "--no-charts", "--out", out("w1")).code,
    ).toBe(0);
    expect(
      sim("sweep", scenario, ...grid, "--workers", "2", "--no-charts", "--out", out("w2")).code,
    ).toBe(0);
    for (const i of [1, 2, 3])
      expect(
        sim("sweep", scenario, ...grid, "--shard", `${i}/3`, "--out", out(`shard${i}`)).code,
      ).toBe(0);
  }, 120_000); // five processes: more than a hook's default 10 s on a busy machine

  it("writes runs, aggregate, paired, manifest and chart specs (trade-offs and timing CDFs)", () => {
    expect(files(out("w1"))).toEqual([
      "aggregate.csv",
      "charts/detection_s-cdf.vl.json",
      "charts/downtime_s-cdf.vl.json",
      "charts/downtime_s.vl.json",
      "charts/failovers.vl.json",
      "charts/false_failovers.vl.json",
      "charts/lost_writes.vl.json",
      "charts/pareto.vl.json",
      "charts/rto_s-cdf.vl.json",
      "charts/tradeoff.vl.json",
      "paired.csv",
      "runs.csv",
      "sweep.json",
    ]);
    const runs = read(out("w1"), "runs.csv").trimEnd().split("\n");
    expect(runs[0]).toMatch(
      /^detector\.timeout,replication\.mode,seed,writes_attempted,.*,standby_cost,reads_attempted,.*,max_group_downtime_s,restarts,writes_fallback,partial_service_s$/,
    );
    expect(runs).toHaveLength(1 + 6 * 2 * 4);
    expect(runs[1]).toMatch(/^1s,async,1,/);
    expect(runs[48]).toMatch(/^6s,sync,4,/);
  });

  it("byte-identical for --workers 1 and --workers 2", () => {
    expectSameFolders(out("w1"), out("w2"));
  });

  it("a shard holds only its runs and manifest", () => {
    expect(files(out("shard2"))).toEqual(["runs.csv", "sweep.json"]);
    expect(read(out("shard2"), "runs.csv").trimEnd().split("\n")).toHaveLength(1 + 16);
  });

  it("three shards merged are byte-identical to the unsharded sweep", () => {
    const merged = sim(
      "merge",
      out("shard3"),
      out("shard1"),
      out("shard2"),
      "--out",
      out("merged"),
      "--no-charts",
    );
    expect(merged.code).toBe(0);
    expect(merged.out).toContain("report:");
    expectSameFolders(out("w1"), out("merged"));
  });

  it("refuses a missing shard, naming it", () => {
    const { code, err } = sim("merge", out("shard1"), out("shard3"), "--out", out("bad-merge"));
    expect(code).toBe(2);
    expect(err).toMatch(/Missing shard 2\/3 of 3/);
    expect(fs.existsSync(out("bad-merge"))).toBe(false);
  });

  it("refuses overlapping shards", () => {
    const { code, err } = sim(
      "merge",
      out("shard1"),
      out("shard1"),
      out("shard2"),
      out("shard3"),
      "--out",
      out("bad-merge"),
    );
    expect(code).toBe(2);
    expect(err).toMatch(/Overlapping shards: .*shard1 and .*shard1 are both shard 1\/3/);
  });

  it("refuses shards of another sweep", () => {
    expect(
      sim(
        "sweep",
        scenario,
        ...grid.slice(0, 4),
        "--seeds",
        "3",
        "--shard",
        "2/3",
        "--out",
        out("other2"),
      ).code,
    ).toBe(0);
    const { code, err } = sim(
      "merge",
      out("shard1"),
      out("other2"),
      out("shard3"),
      "--out",
      out("bad-merge"),
    );
    expect(code).toBe(2);
    expect(err).toMatch(/not shards of the same sweep: their seeds differs/);
  });

  it("refuses a folder that holds no sweep", () => {
    const { code, err } = sim("merge", out("shard1"), tmp, "--out", out("bad-merge"));
    expect(code).toBe(2);
    expect(err).toMatch(/no sweep\.json/);
  });
});

describe("bad input", () => {
  it("a bad --vary exits 2 with one line naming file and flag, and writes nothing", () => {
    const { code, err } = sim(
      "sweep",
      scenario,
      "--vary",
      "detector.timeout=5s..1s/1s",
      "--out",
      out("bad"),
    );
    expect(code).toBe(2);
    expect(err.trim()).toBe(
      `${scenario}: --vary detector.timeout: expected a range that is not empty (lo at most hi), got "5s..1s/1s".`,
    );
    expect(fs.existsSync(out("bad"))).toBe(false);
  });

  it("a bad --shard exits 2", () => {
    const { code, err } = sim(
      "sweep",
      scenario,
      "--vary",
      "detector.timeout=1s,2s",
      "--shard",
      "4/3",
      "--out",
      out("bad"),
    );
    expect(code).toBe(2);
    expect(err).toMatch(/--shard expects i\/N/);
  });
});

describe("Ctrl-C and --resume", () => {
  const long = [
    "--vary",
    "detector.timeout=1s..20s/1s",
    "--seeds",
    "10",
    "--workers",
    "2",
    "--no-charts",
  ];

  it("keeps the finished runs, exits 130, and --resume completes the same files", async () => {
    const dir = out("interrupted");
    const partial = path.join(path.dirname(dir), `.${path.basename(dir)}.sim-partial.jsonl`);
    const child = spawn(process.execPath, [bin, "sweep", scenario, ...long, "--out", dir], {
      cwd: root,
    });
    let err = "";
    child.stderr.on("data", (chunk) => (err += chunk));
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );
    // Interrupt once a few runs are on disk.
    for (let i = 0; i < 600; i++) {
      if (fs.existsSync(partial) && fs.readFileSync(partial, "utf8").split("\n").length > 6) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(err).toMatch(
      /Interrupted \(SIGINT\): nothing was written \(.* was not created\)\. \d+ finished runs are kept in .*\.sim-partial\.jsonl: continue with the same command plus --resume\./,
    );
    const kept = fs.readFileSync(partial, "utf8").trimEnd().split("\n").length - 1;
    expect(kept).toBeGreaterThanOrEqual(5);
    expect(kept).toBeLessThan(200);
    expect(fs.existsSync(dir)).toBe(false);

    // A different sweep does not pick up these runs.
    const wrong = sim(
      "sweep",
      scenario,
      ...long.slice(0, 2),
      "--seeds",
      "9",
      "--no-charts",
      "--out",
      dir,
      "--resume",
    );
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/belongs to a different sweep: its seeds differs/);

    expect(sim("sweep", scenario, ...long, "--out", dir, "--resume").code).toBe(0);
    expect(fs.existsSync(partial)).toBe(false);
    expect(sim("sweep", scenario, ...long, "--out", out("fresh")).code).toBe(0);
    expectSameFolders(out("fresh"), dir);
  });
});
