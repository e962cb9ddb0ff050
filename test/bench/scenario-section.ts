// The benchmark's scenario rows, each run through the CLI (`sim run … --trace changes
// --no-charts`) in a child process (children.ts), wall time including start-up:
// - "day": scenarios/bench-busy-day.ts for a simulated day and for its first hour: wall time,
//   engine events, events and client writes per wall second, peak RSS;
// - "jobs": the dedicated jobs of jobs/: the heartbeat job (10 h and 1 h) in events per heartbeat
//   round, the write job (async, and sync replication) in events per client write — plus, from a
//   separate untimed run, where those events come from (events per round or write, by kind).
// With --baseline DIR every run is also made with DIR's compiled CLI, alternating run by run (the
// order flips each repeat, so a burst of other work hits both alike), on the same scenario files
// (this checkout's: a scenario's `import … from "failover-sim"` resolves to the package that
// runs it), and before/after ratios are printed.
import * as path from "node:path";
import { outDir, runArgs, simChild, summaryColumn, type ChildRun } from "./children.ts";
import { heartbeatJobShape, heartbeatNodeRounds, writeJobShape } from "./jobs/shapes.ts";
import type { BenchOptions } from "./options.ts";
import { median, record, type Target } from "./rows.ts";

interface Job {
  label: string;
  file: string;
  extra?: string[];
  out: string;
  repeats: number;
  /** The unit of work the job is measured in, and how many of them a run did. */
  per?: { name: string; count: (reportDir: string) => number; target?: Target };
  wallTarget?: Target;
  ratePerSTarget?: Target;
  /** Peak RSS is recorded (the busy day and hour, whose memory must not grow with time). */
  rss?: boolean;
  /** Also an untimed run counting events by kind. */
  byKind?: boolean;
}

interface Measured {
  runs: ChildRun[];
  reportDir: string;
}

/** The heartbeat job's file for one of its lengths (jobs/shapes.ts). */
export function heartbeatJobFile(hours: number): string {
  const file = hours === heartbeatJobShape.hours[0] ? "heartbeat-job.ts" : "heartbeat-hour.ts";
  return path.join("test", "bench", "jobs", file);
}

const heartbeatJob = (hours: number, target?: Target): Job => ({
  label: `heartbeat job ${hours} h`,
  file: heartbeatJobFile(hours),
  out: `heartbeat-${hours}h`,
  repeats: 0,
  per: { name: "heartbeat round", count: () => heartbeatNodeRounds(hours * 3600), target },
  byKind: hours === heartbeatJobShape.hours[1],
});

const writeJob = (mode: "async" | "sync", target?: Target): Job => ({
  label: `write job (${mode})`,
  file: path.join("test", "bench", "jobs", "write-job.ts"),
  extra: mode === "async" ? [] : ["--set", `replication.mode=${mode}`],
  out: `write-job-${mode}`,
  repeats: 0,
  per: {
    name: "client write",
    count: (reportDir) => summaryColumn(reportDir, "writes_attempted"),
    target,
  },
  byKind: true,
});

export function daySection(options: BenchOptions): void {
  const jobs: Job[] = [
    {
      label: "busy day",
      file: "scenarios/bench-busy-day.ts",
      out: "busy-day",
      repeats: options.dayRepeats,
      wallTarget: { atMost: 60 },
      ratePerSTarget: { atLeast: 4e6 },
      rss: true,
    },
    {
      label: "busy hour",
      file: "test/bench/busy-hour.ts",
      out: "busy-hour",
      repeats: options.repeats,
      rss: true,
    },
  ];
  const chosen = options.quick ? jobs.slice(1) : jobs;
  console.log(
    `\n2. busy day and hour: bench-busy-day, --trace changes --no-charts (median of ${chosen.map((job) => `${job.repeats} ${job.label}`).join(", ")})`,
  );
  const rssMb = chosen.map((job) => measureJob(job, options));
  if (rssMb.length === 2)
    record("scenario", "peak RSS day / hour", rssMb[0] / rssMb[1], "ratio", { atMost: 1.1 });
}

export function jobsSection(options: BenchOptions): void {
  const { repeats, quick } = options;
  console.log(
    `\n3. dedicated jobs (test/bench/jobs/), --trace changes --no-charts (median of ${repeats})`,
  );
  const jobs = [
    ...(quick ? [] : [heartbeatJob(heartbeatJobShape.hours[0], { atMost: 2.5 })]),
    heartbeatJob(heartbeatJobShape.hours[1], quick ? { atMost: 2.5 } : undefined),
    writeJob("async", { atMost: 3.5 }),
    writeJob("sync"),
  ].map((job) => ({ ...job, repeats }));
  for (const job of jobs) measureJob(job, options);
  console.log(
    `  (the write job: ${writeJobShape.writesPerS} writes/s for ${writeJobShape.durationS} s; the heartbeat job: ${heartbeatJobShape.dataNodes} nodes, one monitor)`,
  );
}

/** Runs one job (and its baseline), records its rows; returns its median peak RSS in MB. */
function measureJob(job: Job, options: BenchOptions): number {
  const reportDir = path.join(outDir, job.out);
  const args = (out: string) => runArgs(job.file, out, job.extra);
  const ours: Measured = { runs: [], reportDir };
  const before: Measured = { runs: [], reportDir: `${reportDir}-before` };
  const { baseline } = options;
  for (let r = 0; r < job.repeats; r++) {
    const turns = baseline === undefined ? [false] : r % 2 === 0 ? [false, true] : [true, false];
    for (const isBaseline of turns) {
      const into = isBaseline ? before : ours;
      into.runs.push(
        simChild(args(into.reportDir), { checkout: isBaseline ? baseline : undefined }),
      );
    }
  }
  const rss = recordJob(job, ours, "");
  if (baseline !== undefined) compare(job, ours, before, recordJob(job, before, ", before"));
  if (job.byKind) recordKinds(job, args, ours, baseline);
  return rss;
}

/** The job's rows for one checkout; returns its median peak RSS (MB). */
function recordJob(job: Job, measured: Measured, suffix: string): number {
  const section = suffix === "" ? "scenario" : "baseline";
  const wallS = median(measured.runs.map((run) => run.wallS));
  const events = measured.runs[0].events;
  const rssMb = median(measured.runs.map((run) => run.maxRssKb)) / 1024;
  const target = <T>(value: T) => (suffix === "" ? value : undefined);
  record(section, `${job.label}: wall time${suffix}`, wallS, "s", target(job.wallTarget));
  record(section, `${job.label}: engine events dispatched${suffix}`, events, "events");
  record(
    section,
    `${job.label}: events per wall second${suffix}`,
    events / wallS,
    "events/s",
    target(job.ratePerSTarget),
  );
  if (job.per !== undefined) {
    const count = job.per.count(measured.reportDir);
    const name = job.per.name;
    record(
      section,
      `${job.label}: events per ${name}${suffix}`,
      events / count,
      "events",
      target(job.per.target),
    );
  }
  if (job.rss) {
    const writes = summaryColumn(measured.reportDir, "writes_attempted");
    record(
      section,
      `${job.label}: client writes per wall second${suffix}`,
      writes / wallS,
      "writes/s",
    );
    record(section, `${job.label}: peak RSS${suffix}`, rssMb, "MB", target({ atMost: 300 }));
  }
  return rssMb;
}

/** Before ÷ after: wall time (a speedup), and events per unit of work. */
function compare(job: Job, ours: Measured, before: Measured, beforeRssMb: number): void {
  const wall = (measured: Measured) => median(measured.runs.map((run) => run.wallS));
  record("baseline", `${job.label}: wall time before / after`, wall(before) / wall(ours), "x");
  if (job.per !== undefined) {
    const perUnit = (measured: Measured) =>
      measured.runs[0].events / job.per!.count(measured.reportDir);
    record(
      "baseline",
      `${job.label}: events per ${job.per.name} before / after`,
      perUnit(before) / perUnit(ours),
      "x",
    );
  }
  if (job.rss) {
    const rssMb = median(ours.runs.map((run) => run.maxRssKb)) / 1024;
    record("baseline", `${job.label}: peak RSS before / after`, beforeRssMb / rssMb, "x");
  }
}

/** An untimed run counting events by kind: each kind's events per unit of work. */
function recordKinds(
  job: Job,
  args: (out: string) => string[],
  ours: Measured,
  baseline: string | undefined,
): void {
  const checkouts = baseline === undefined ? [undefined] : [undefined, baseline];
  for (const checkout of checkouts) {
    const reportDir = checkout === undefined ? ours.reportDir : `${ours.reportDir}-before`;
    const { kinds } = simChild(args(`${reportDir}-kinds`), { checkout, kinds: true });
    const count = job.per!.count(`${reportDir}-kinds`);
    const shown = Object.entries(kinds ?? {})
      .sort((a, b) => b[1] - a[1])
      .map(
        ([kind, n]) =>
          `${kind} ${n / count >= 0.01 ? (n / count).toFixed(3) : (n / count).toPrecision(2)}`,
      )
      .join(", ");
    console.log(
      `    by kind${checkout === undefined ? "" : ", before"}, per ${job.per!.name}: ${shown}`,
    );
  }
}
