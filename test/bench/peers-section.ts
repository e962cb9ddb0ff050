// The benchmark's peers rows (`--peers`): the heartbeat job (jobs/heartbeat-job.ts) beside the
// same job as a lean SimPy model (peers/heartbeat_job.py), for its ten hours and its one hour.
// Both are timed as a user waits for them, interpreter or Node start-up included, taking turns
// run by run; before any timing, one run of each counts its pings and pongs delivered, and the
// two must be equal (the same job, not merely a similar one). Optional: when no Python with the
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

export function peersSection({ repeats, quick }: BenchOptions): void {
  const python = pythonWithSimpy();
  if (python === undefined) {
    console.log("\n6. peers: no python3 with the simpy module (Debian: python3-simpy3): skipped");
    return;
  }
  console.log(
    `\n6. peers: the heartbeat job beside a lean SimPy model (${python}; median of ${repeats}, taking turns)`,
  );
  const hoursList = quick ? [heartbeatJobShape.hours[1]] : heartbeatJobShape.hours;
  for (const hours of hoursList) {
    const out = path.join(outDir, `peers-heartbeat-${hours}h`);
    const args = runArgs(heartbeatJobFile(hours), out);
    checkSameCounts(
      hours,
      simChild(args, { kinds: true }).kinds ?? {},
      simpyRun(python, hours * 3600),
    );
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const turn = [
        () => ours.push(simChild(args).wallS),
        () => theirs.push(simpyRun(python, hours * 3600).wallS),
      ];
      if (r % 2 === 1) turn.reverse();
      for (const run of turn) run();
    }
    record("peers", `heartbeat job ${hours} h: wall time, ours`, median(ours), "s");
    record("peers", `heartbeat job ${hours} h: wall time, SimPy`, median(theirs), "s");
    record("peers", `heartbeat job ${hours} h: SimPy / ours`, median(theirs) / median(ours), "x", {
      atLeast: 3,
    });
  }
}

function checkSameCounts(hours: number, kinds: Record<string, number>, peer: PeerRun): void {
  const ours = { pings: kinds["deliver:ping"] ?? 0, pongs: kinds["deliver:pong"] ?? 0 };
  console.log(
    `  ${hours} h: pings/pongs delivered, ours ${ours.pings}/${ours.pongs}, SimPy ${peer.pings}/${peer.pongs} (its suspicions: ${peer.suspicions})`,
  );
  if (ours.pings !== peer.pings || ours.pongs !== peer.pongs)
    throw new Error(`heartbeat job ${hours} h: the SimPy model and ours differ in pings or pongs`);
}
