// The benchmark's sweep rows: a 200-run sweep with 1 and 2 worker threads, and the same runs as
// two one-worker shards in two separate processes at once, which is what the machine gives two of
// anything; the sweep's speedup is judged against the processes' (within 5 %).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { bin, outDir, root, simWall, simWallTogether } from "./children.ts";
import type { BenchOptions } from "./options.ts";
import { median, record } from "./rows.ts";

// Beside it, the other way to use two cores: the same 200 runs as two one-worker shards in two
// separate processes at once (then merged, and checked equal). Processes share nothing but the
// hardware — two busy cores of a virtual machine still slow each other down through the caches
// and memory they share — but each pays its own start-up; threads share one start-up.
export async function sweepSection({ repeats }: BenchOptions): Promise<void> {
  console.log(`\n4. sweep scaling: primary-crash x 200 seeds, --no-charts (median of ${repeats})`);
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
  checkSameRuns();
  recordSpeedups({
    one: median(times.one),
    two: median(times.two),
    processes: median(times.processes),
  });
}

/** The sweep's runs are the same with 1 and 2 workers, and as two shards merged. */
function checkSameRuns(): void {
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
}

/** The two speedups side by side, and the threads' as a share of the processes' — the
 *  machine's own limit for two of anything: within 5 % of it is the target. */
function recordSpeedups(wall: { one: number; two: number; processes: number }): void {
  record("sweep", "200 runs, 1 worker: wall time", wall.one, "s");
  record("sweep", "200 runs, 2 workers: wall time", wall.two, "s");
  record("sweep", "200 runs, 2 shard processes: wall time", wall.processes, "s");
  record("sweep", "speedup 2 workers / 1", wall.one / wall.two, "x");
  record("sweep", "speedup 2 shard processes / 1", wall.one / wall.processes, "x");
  record(
    "sweep",
    "speedup 2 workers / speedup 2 shard processes",
    wall.processes / wall.two,
    "ratio",
    { atLeast: 0.95 },
  );
}
