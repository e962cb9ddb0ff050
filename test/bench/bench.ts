// `npm run bench` — how fast the simulator is, measured honestly (issue 9). Not part of `npm test`.
// Prints a table and writes reports/bench/bench.csv; every figure is the median over repeated
// runs, and every ratio is taken between figures measured side by side in the same process run.
//   1. hold model: the engine's event set (Simulation, and EventQueue directly) against a bare
//      typed-array binary heap, N = 10³ … 10⁶ pending events (hold.ts);
//   2. heavy scenario: scenarios/bench-busy-day.ts for a simulated day and for its first hour,
//      through the CLI (`sim run … --trace changes --no-charts`) in a child process: wall time,
//      engine events and client writes per second, peak RSS (sim-child.mjs);
//   3. sweep scaling: a 200-run sweep with 1 and 2 worker threads, and the same runs as two
//      one-worker shards in two processes at once (what the machine gives two of anything);
//   4. start-up: `sim --help` and a tiny scenario run (.ts and .mjs, with and without charts),
//      each beside a bare `node -e 0` started in turn with it: the targets are help within
//      0.25 s and a tiny run without charts within 0.5 s of bare node on the same machine.
// Options: --repeats N (default 3), --day-repeats N (default: --repeats), --only hold,day,sweep,startup,
// --quick (one repeat, no N = 10⁶, no day: a smoke test of the benchmark itself).
// Wall times include process start-up (what a user waits for); nothing here is timed in `npm test`.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { holdVariants, holdsFor, type HoldVariant } from "./hold.ts";
// @ts-expect-error -- plain JavaScript without declarations (it runs before anything is compiled)
import { distIsBuilt } from "../../scripts/dist-state.js";

const root = path.join(import.meta.dirname, "..", "..");
const outDir = path.join(root, "reports", "bench");
const bin = path.join(root, "bin", "sim.js");
const child = path.join(import.meta.dirname, "sim-child.mjs");

interface Row {
  section: string;
  metric: string;
  value: number;
  unit: string;
  /** e.g. "≥ 0.8"; empty when the figure has no target. */
  target: string;
  met: boolean | null;
}

const rows: Row[] = [];
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function record(
  section: string,
  metric: string,
  value: number,
  unit: string,
  target?: { atLeast?: number; atMost?: number },
): void {
  let text = "";
  let met: boolean | null = null;
  if (target?.atLeast !== undefined) {
    text = `>= ${target.atLeast}`;
    met = value >= target.atLeast;
  } else if (target?.atMost !== undefined) {
    text = `<= ${target.atMost}`;
    met = value <= target.atMost;
  }
  rows.push({ section, metric, value, unit, target: text, met });
  const shown = formatValue(value, unit);
  console.log(
    `  ${metric.padEnd(52)} ${shown.padStart(14)} ${unit.padEnd(9)} ${text.padEnd(8)} ${met === null ? "" : met ? "ok" : "MISSED"}`,
  );
}

function formatValue(value: number, unit: string): string {
  if (unit === "ratio" || unit === "x") return value.toFixed(3);
  if (unit === "s") return value.toFixed(value < 10 ? 3 : 1);
  if (Math.abs(value) >= 1e6) return `${(value / 1e6).toFixed(2)} M`;
  return value.toFixed(value < 100 ? 2 : 0);
}

// ——— options ———

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const quick = flag("--quick");
const repeats = Number(option("--repeats") ?? (quick ? 1 : 3));
const dayRepeats = Number(option("--day-repeats") ?? repeats);
const only = new Set(
  (option("--only") ?? (quick ? "hold,sweep,startup" : "hold,day,sweep,startup")).split(","),
);
const holdSizes = quick ? [1e3, 1e4, 1e5] : [1e3, 1e4, 1e5, 1e6];

// ——— child processes ———

interface ChildRun {
  wallS: number;
  code: number | null;
  events: number;
  maxRssKb: number;
  stdout: string;
}

/** `sim <args>` in a child process (sim-child.mjs: bin/sim.js plus the run's figures). */
function simChild(simArgs: string[]): ChildRun {
  const resultFile = path.join(os.tmpdir(), `sim-bench-${process.pid}.json`);
  fs.rmSync(resultFile, { force: true });
  const start = performance.now();
  const result = spawnSync(process.execPath, [child, ...simArgs], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, BENCH_RESULT: resultFile, NO_COLOR: "1" },
    maxBuffer: 64 << 20,
  });
  const wallS = (performance.now() - start) / 1000;
  if (result.status !== 0)
    throw new Error(`sim ${simArgs.join(" ")} failed (exit ${result.status}):\n${result.stderr}`);
  const figures = JSON.parse(fs.readFileSync(resultFile, "utf8")) as {
    code: number;
    events: number;
    maxRssKb: number;
  };
  fs.rmSync(resultFile, { force: true });
  if (!(figures.events > 0))
    throw new Error(
      `sim ${simArgs.join(" ")}: no engine events were counted (sim-child.mjs no longer sees the run's Simulation)`,
    );
  return { wallS, ...figures, stdout: result.stdout };
}

/** Wall time of `node bin/sim.js <args>`, as a user runs it. */
function simWall(simArgs: string[]): number {
  return nodeWall([bin, ...simArgs]);
}

/** Wall time of `node <args>`, which must succeed. */
function nodeWall(nodeArgs: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, nodeArgs, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  const wallS = (performance.now() - start) / 1000;
  if (result.status !== 0)
    throw new Error(`node ${nodeArgs.join(" ")} failed (exit ${result.status}):\n${result.stderr}`);
  return wallS;
}

/** Wall time of several `node bin/sim.js <args>` started together, until the last one ends. */
async function simWallTogether(argLists: string[][]): Promise<number> {
  const start = performance.now();
  await Promise.all(
    argLists.map(
      (simArgs) =>
        new Promise<void>((resolve, reject) => {
          const proc = spawn(process.execPath, [bin, ...simArgs], {
            cwd: root,
            stdio: ["ignore", "ignore", "pipe"],
            env: { ...process.env, NO_COLOR: "1" },
          });
          let stderr = "";
          proc.stderr.on("data", (chunk) => (stderr += chunk));
          proc.on("error", reject);
          proc.on("close", (code) =>
            code === 0
              ? resolve()
              : reject(new Error(`sim ${simArgs.join(" ")} failed (exit ${code}):\n${stderr}`)),
          );
        }),
    ),
  );
  return (performance.now() - start) / 1000;
}

// ——— 1. hold model ———

function holdSection(): void {
  console.log(`\n1. engine hold model (median of ${repeats}; holds per second)`);
  // Warm-up: every variant compiled before anything is timed.
  for (const variant of Object.values(holdVariants)) variant(1000, 200_000);
  const order = Object.keys(holdVariants) as HoldVariant[];
  for (const n of holdSizes) {
    const rates: Record<HoldVariant, number[]> = { next: [], queue: [], bare: [] };
    for (let r = 0; r < repeats; r++) {
      // Rotate the order so no variant always runs first (or right after a large heap was freed).
      for (let k = 0; k < order.length; k++) {
        const variant = order[(k + r) % order.length];
        rates[variant].push(holdVariants[variant](n, holdsFor(n)).holdsPerS);
      }
    }
    const [next, queue, bare] = [rates.next, rates.queue, rates.bare].map(median);
    const label = `N=1e${Math.round(Math.log10(n))}`;
    const target = n === 1e4 || n === 1e5 ? { atLeast: 0.8 } : undefined;
    record("hold", `${label} Simulation.next/at loop`, next, "holds/s");
    record("hold", `${label} EventQueue push/pop`, queue, "holds/s");
    record("hold", `${label} bare typed-array heap`, bare, "holds/s");
    record("hold", `${label} Simulation.next / bare`, next / bare, "ratio", target);
    record("hold", `${label} EventQueue / bare`, queue / bare, "ratio");
  }
}

// ——— 2. heavy scenario ———

function writesOf(outDir: string): number {
  const [header, row] = fs
    .readFileSync(path.join(outDir, "summary.csv"), "utf8")
    .trim()
    .split("\n");
  const column = header.split(",").indexOf("writes_attempted");
  return Number(row.split(",")[column]);
}

function scenarioSection(): void {
  console.log(
    `\n2. heavy scenario: bench-busy-day, --trace changes --no-charts (median of ${dayRepeats})`,
  );
  const runs = [
    { label: "day", file: "scenarios/bench-busy-day.ts", out: path.join(outDir, "busy-day") },
    { label: "hour", file: "test/bench/busy-hour.ts", out: path.join(outDir, "busy-hour") },
  ];
  const rss: Record<string, number> = {};
  for (const { label, file, out } of runs) {
    const measured: ChildRun[] = [];
    // The day's half a billion events are above the default --max-events (about 30 s of events).
    for (let r = 0; r < dayRepeats; r++)
      measured.push(
        simChild([
          "run",
          file,
          "--trace",
          "changes",
          "--no-charts",
          "--max-events",
          "2e9",
          "--out",
          out,
        ]),
      );
    const wallS = median(measured.map((run) => run.wallS));
    const events = measured[0].events;
    const writes = writesOf(out);
    rss[label] = median(measured.map((run) => run.maxRssKb)) / 1024;
    record(
      "scenario",
      `busy ${label}: wall time`,
      wallS,
      "s",
      label === "day" ? { atMost: 60 } : undefined,
    );
    record("scenario", `busy ${label}: engine events dispatched`, events, "events");
    record("scenario", `busy ${label}: events per wall second`, events / wallS, "events/s");
    record("scenario", `busy ${label}: client writes per wall second`, writes / wallS, "writes/s");
    record("scenario", `busy ${label}: peak RSS`, rss[label], "MB", { atMost: 300 });
  }
  record("scenario", "peak RSS day / hour", rss.day / rss.hour, "ratio", { atMost: 1.1 });
}

// ——— 3. sweep scaling ———

// Beside it, the other way to use two cores: the same 200 runs as two one-worker shards in two
// separate processes at once (then merged, and checked equal). Processes share nothing but the
// hardware — two busy cores of a virtual machine still slow each other down through the caches
// and memory they share — but each pays its own start-up; threads share one start-up.
async function sweepSection(): Promise<void> {
  console.log(`\n3. sweep scaling: primary-crash x 200 seeds, --no-charts (median of ${repeats})`);
  const help = spawnSync(process.execPath, [bin, "sweep", "--help"], {
    cwd: root,
    encoding: "utf8",
  });
  if (help.status !== 0) {
    console.log("  sim sweep is not available: not measurable yet");
    return;
  }
  const sweep = (extra: string[], out: string) => [
    "sweep",
    "scenarios/primary-crash.ts",
    "--seeds",
    "200",
    "--no-charts",
    ...extra,
    "--out",
    path.join(outDir, out),
  ];
  const shards = [1, 2].map((i) =>
    sweep(["--workers", "1", "--shard", `${i}/2`], `sweep-shard-${i}`),
  );
  // 1 worker, 2 workers and the two processes take turns, so a burst of other work on the
  // machine hits them alike.
  const times: Record<"one" | "two" | "processes", number[]> = { one: [], two: [], processes: [] };
  for (let r = 0; r < repeats; r++) {
    times.one.push(simWall(sweep(["--workers", "1"], "sweep-1")));
    times.two.push(simWall(sweep(["--workers", "2"], "sweep-2")));
    times.processes.push(await simWallTogether(shards));
  }
  const samples = (values: number[]) => values.map((value) => value.toFixed(2)).join(", ");
  console.log(
    `  samples (s): 1 worker ${samples(times.one)}; 2 workers ${samples(times.two)}; 2 shard processes ${samples(times.processes)}`,
  );
  const wall = {
    one: median(times.one),
    two: median(times.two),
    processes: median(times.processes),
  };
  record("sweep", "200 runs, 1 worker: wall time", wall.one, "s");
  record("sweep", "200 runs, 2 workers: wall time", wall.two, "s");
  record("sweep", "200 runs, 2 shard processes: wall time", wall.processes, "s");
  const runsOf = (out: string) => fs.readFileSync(path.join(outDir, out, "runs.csv"), "utf8");
  if (runsOf("sweep-1") !== runsOf("sweep-2"))
    throw new Error("sweep runs.csv differs between 1 and 2 workers");
  simWall([
    "merge",
    path.join(outDir, "sweep-shard-1"),
    path.join(outDir, "sweep-shard-2"),
    "--out",
    path.join(outDir, "sweep-merged"),
  ]);
  if (runsOf("sweep-merged") !== runsOf("sweep-1"))
    throw new Error("the two shards merged differ from the whole sweep");
  record("sweep", "speedup 2 workers / 1", wall.one / wall.two, "x", { atLeast: 1.8 });
  record("sweep", "speedup 2 shard processes / 1", wall.one / wall.processes, "x");
}

// ——— 4. start-up ———

function startupSection(): void {
  const times = Math.max(7, repeats);
  console.log(
    `\n4. start-up, each beside a bare \`node -e 0\` run in turn with it (median of ${times})`,
  );
  const tinyMjs = path.join(outDir, "tiny-scenario.mjs");
  // The same scenario as JavaScript, in the project (so "failover-sim" resolves without hooks).
  fs.writeFileSync(
    tinyMjs,
    fs.readFileSync(path.join(root, "test", "bench", "tiny-scenario.ts"), "utf8"),
  );
  const tiny = (file: string, out: string) => ["run", file, "--out", path.join(outDir, out)];
  const cases: { label: string; args: string[]; atMostOverNode?: number }[] = [
    { label: "sim --help", args: ["--help"], atMostOverNode: 0.25 },
    { label: "sim list (all shipped scenarios, .ts)", args: ["list"] },
    {
      label: "tiny .ts run, --no-charts",
      args: [...tiny("test/bench/tiny-scenario.ts", "tiny"), "--no-charts"],
      atMostOverNode: 0.5,
    },
    { label: "tiny .mjs run, --no-charts", args: [...tiny(tinyMjs, "tiny-mjs"), "--no-charts"] },
    {
      label: "tiny .ts run, with charts and report",
      args: tiny("test/bench/tiny-scenario.ts", "tiny"),
    },
  ];
  const bare: number[] = [];
  for (const { label, args, atMostOverNode } of cases) {
    const own: number[] = [];
    for (let r = 0; r < times; r++) {
      bare.push(nodeWall(["-e", "0"]));
      own.push(simWall(args));
    }
    const over = median(own) - median(bare);
    record("startup", `${label}: wall time`, median(own), "s");
    record(
      "startup",
      `${label}: beyond bare node`,
      over,
      "s",
      atMostOverNode === undefined ? undefined : { atMost: atMostOverNode },
    );
  }
  record("startup", "bare node -e 0: wall time", median(bare), "s");
}

// ——— main ———

/** Runs a section between two readings of the load average: other work on the machine (a
 *  load above ~0.2 before a section starts) makes its figures pessimistic, so it is on record. */
async function section(name: string, run: () => void | Promise<void>): Promise<void> {
  const before = os.loadavg()[0];
  await run();
  console.log(`  (1-min load average before this section: ${before.toFixed(2)})`);
  rows.push({
    section: name,
    metric: "1-min load average before the section",
    value: before,
    unit: "load",
    target: "",
    met: null,
  });
}

fs.mkdirSync(outDir, { recursive: true });
if (!(await distIsBuilt(root))) {
  console.log("dist/ is not built from the current sources: building it (npm run build)");
  spawnSync(process.execPath, ["scripts/build.js"], { cwd: root, stdio: "inherit" });
}
console.log(
  `sim benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${os.platform()}, load ${os.loadavg()[0].toFixed(2)}`,
);
if (only.has("hold")) await section("hold", holdSection);
if (only.has("day")) await section("scenario", scenarioSection);
if (only.has("sweep")) await section("sweep", sweepSection);
if (only.has("startup")) await section("startup", startupSection);

const csv = [
  "section,metric,value,unit,target,met",
  ...rows.map((row) =>
    [
      row.section,
      row.metric,
      String(row.value),
      row.unit,
      row.target,
      row.met === null ? "" : String(row.met),
    ].join(","),
  ),
].join("\n");
fs.writeFileSync(path.join(outDir, "bench.csv"), `${csv}\n`);
const missed = rows.filter((row) => row.met === false);
console.log(
  `\n${rows.filter((row) => row.met !== null).length - missed.length} of ${rows.filter((row) => row.met !== null).length} targets met; written ${path.relative(root, path.join(outDir, "bench.csv"))}`,
);
