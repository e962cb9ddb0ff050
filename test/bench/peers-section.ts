// The benchmark's peers rows (`--peers`): the heartbeat job (jobs/heartbeat-job.ts) beside the
// same job as a lean SimPy model (peers/heartbeat_job.py), for its ten hours and its one hour.
// Both are timed as a user waits for them, interpreter or Node start-up included, taking turns
// run by run; before any timing, one run of each counts its pings and pongs delivered, and the
// two must be equal (the same job, not merely a similar one). With --baseline the baseline's CLI
// takes its turn as well, so the ratio is shown before and after. Optional: when no Python with the
// simpy module is found ($BENCH_PYTHON, else python3, else Debian's /usr/bin/python3, where
// the python3-simpy3 package installs it), one line says so and the section is skipped.
// Never part of `npm test` or CI.
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { outDir, root, runArgs, simChild } from "./children.ts";
import { heartbeatJobShape } from "./jobs/shapes.ts";
import type { BenchOptions } from "./options.ts";
import { median, record } from "./rows.ts";
import { heartbeatJobFile } from "./scenario-section.ts";

const model = path.join(import.meta.dirname, "peers", "heartbeat_job.py");

interface PeerRun {
  pings: number;
  pongs: number;
  suspicions: number;
  wallS: number;
}

/** A Python interpreter that can import simpy, or undefined. */
function pythonWithSimpy(): string | undefined {
  const candidates = [process.env.BENCH_PYTHON, "python3", "/usr/bin/python3"];
  return candidates.find(
    (python) =>
      python !== undefined &&
      spawnSync(python, ["-c", "import simpy"], { stdio: "ignore" }).status === 0,
  );
}

function simpyRun(python: string, durationS: number): PeerRun {
  const start = performance.now();
  const result = spawnSync(
    python,
    [model, String(durationS), String(heartbeatJobShape.dataNodes), "1"],
    { cwd: root, encoding: "utf8" },
  );
  const wallS = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`${python} ${model} failed:\n${result.stderr}`);
  return { ...(JSON.parse(result.stdout) as Omit<PeerRun, "wallS">), wallS };
}

export function peersSection({ repeats, quick, baseline }: BenchOptions): void {
  const python = pythonWithSimpy();
  if (python === undefined) {
    console.log("\n6. peers: no python3 with the simpy module (Debian: python3-simpy3): skipped");
    return;
  }
  console.log(
    `\n6. peers: the heartbeat job beside a lean SimPy model (${python}; median of ${repeats}, taking turns)`,
  );
  // With --baseline, the baseline's CLI takes its turn too: the ratio before and after.
  const ours = [
    { name: "ours", checkout: undefined },
    ...(baseline === undefined ? [] : [{ name: "before", checkout: baseline }]),
  ];
  const hoursList = quick ? [heartbeatJobShape.hours[1]] : heartbeatJobShape.hours;
  for (const hours of hoursList) {
    const job = `heartbeat job ${hours} h`;
    const args = (name: string) =>
      runArgs(heartbeatJobFile(hours), path.join(outDir, `peers-heartbeat-${hours}h-${name}`));
    const simpy = () => simpyRun(python, hours * 3600);
    for (const { name, checkout } of ours)
      checkSameCounts(job, name, simChild(args(name), { checkout, kinds: true }).kinds, simpy());
    const turns = [
      ...ours.map(({ name, checkout }) => ({
        name,
        run: () => simChild(args(name), { checkout }),
      })),
      { name: "SimPy", run: simpy },
    ];
    const walls = new Map(turns.map(({ name }) => [name, [] as number[]]));
    for (let r = 0; r < repeats; r++)
      for (let k = 0; k < turns.length; k++) {
        const { name, run } = turns[(k + r) % turns.length];
        walls.get(name)!.push(run().wallS);
      }
    const wall = (name: string) => median(walls.get(name)!);
    for (const { name } of turns) record("peers", `${job}: wall time, ${name}`, wall(name), "s");
    for (const { name } of ours)
      record("peers", `${job}: SimPy / ${name}`, wall("SimPy") / wall(name), "x", {
        atLeast: name === "ours" ? 3 : undefined,
      });
  }
}

/** The same job: as many pings and pongs delivered in ours (or the baseline's) as in SimPy's. */
function checkSameCounts(
  job: string,
  name: string,
  kinds: Record<string, number> | undefined,
  peer: PeerRun,
): void {
  const pings = kinds?.["deliver:ping"] ?? 0;
  const pongs = kinds?.["deliver:pong"] ?? 0;
  console.log(
    `  ${job}: pings/pongs delivered, ${name} ${pings}/${pongs}, SimPy ${peer.pings}/${peer.pongs} (its suspicions: ${peer.suspicions})`,
  );
  if (pings !== peer.pings || pongs !== peer.pongs)
    throw new Error(
      `${job}: the SimPy model and ${name} differ in pings or pongs delivered (the engine events of kind "deliver" carrying a ping or a pong)`,
    );
}
