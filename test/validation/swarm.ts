// The long swarm of `npm run validate`: at least 10,000 swarm runs (sim fuzz --swarm), shared out
// over one process per core, each with its own fuzz seed; prints how many runs were made, how
// long they took, which promises were judged how often and the coverage of every registry, and
// exits 1 if any run broke anything (naming the reproducer that was written). As a program:
//
//   tsx test/validation/swarm.ts [--runs N] [--seed S]
//
// The seeds are S, S + 1, …: the same command makes the same runs.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

interface SwarmJson {
  runs: number;
  seed: number;
  violation: { breach: string; run: number; detail: string; reproducer: string } | null;
  configurations: number;
  coverage: Record<string, Record<string, number>>;
  promises: Record<string, number>;
}

const root = path.join(import.meta.dirname, "..", "..");
const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const totalRuns = flag("--runs", 10_000);
const firstSeed = flag("--seed", 1000);
const processes = Math.max(1, os.availableParallelism());
const out = fs.mkdtempSync(path.join(os.tmpdir(), "sim-swarm-"));

function shard(index: number): Promise<SwarmJson> {
  const runs = Math.floor(totalRuns / processes) + (index < totalRuns % processes ? 1 : 0);
  const args = [
    path.join(root, "bin", "sim.js"),
    "fuzz",
    "--swarm",
    "--runs",
    String(runs),
    "--seed",
    String(firstSeed + index),
    "--json",
    "--out",
    path.join(out, `shard-${index}.ts`),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0 && code !== 1)
        reject(new Error(`sim fuzz --swarm (seed ${firstSeed + index}) exited ${code}`));
      else resolve(JSON.parse(text) as SwarmJson);
    });
  });
}

const started = performance.now();
const shards = await Promise.all(Array.from({ length: processes }, (_, index) => shard(index)));
const seconds = (performance.now() - started) / 1000;
const runs = shards.reduce((sum, result) => sum + result.runs, 0);
const sum = (pick: (result: SwarmJson) => Record<string, number>) => {
  const totals: Record<string, number> = {};
  for (const result of shards)
    for (const [key, value] of Object.entries(pick(result)))
      totals[key] = (totals[key] ?? 0) + value;
  return totals;
};
console.log(
  `swarm: ${runs} runs over ${processes} processes (seeds ${firstSeed}–${firstSeed + processes - 1}) in ${seconds.toFixed(1)} s, ${shards.reduce((s, r) => s + r.configurations, 0)} distinct configurations`,
);
console.log(
  `  promises judged: ${Object.entries(sum((result) => result.promises))
    .map(([name, count]) => `${name} ${count}`)
    .join(", ")}`,
);
for (const option of Object.keys(shards[0].coverage)) {
  const values = sum((result) => result.coverage[option]);
  console.log(
    `  ${option}: ${Object.entries(values)
      .map(([value, count]) => `${value} ${count}`)
      .join(", ")}`,
  );
}
const broken = shards.filter((result) => result.violation !== null);
for (const { seed, violation } of broken)
  console.log(
    `  BROKE (seed ${seed}, run ${violation!.run}): ${violation!.breach}: ${violation!.detail}\n    reproducer: ${violation!.reproducer}`,
  );
const never = Object.keys(shards[0].coverage).flatMap((option) =>
  Object.entries(sum((result) => result.coverage[option]))
    .filter(([, count]) => count === 0)
    .map(([value]) => `${option}=${value}`),
);
if (never.length > 0) console.log(`  NEVER DRAWN: ${never.join(", ")}`);
console.log(
  broken.length === 0 && never.length === 0 && runs >= totalRuns
    ? `swarm: ${runs} runs, nothing broke.`
    : "swarm: FAILED.",
);
process.exitCode = broken.length === 0 && never.length === 0 && runs >= totalRuns ? 0 : 1;
