// The benchmark's command-line options (`npm run bench -- …`):
//   --repeats N        runs per figure (default 3; the median is reported)
//   --day-repeats N    runs of the busy day (default: --repeats; it takes minutes)
//   --only LIST        sections: hold,day,jobs,sweep,startup,peers,profile,layers
//                      (default: hold,day,jobs,sweep,startup,layers, plus peers/profile when
//                      asked)
//   --quick            one repeat, no N = 10⁶, the busy hour without the day, the heartbeat job's
//                      hour without its ten hours: a smoke test of the benchmark itself
//   --peers            also the SimPy side-by-side (peers-section.ts)
//   --profile          also the top 10 functions of the busy hour and the heartbeat job
//   --baseline DIR     also run the scenario, start-up and peers rows with DIR's bin/sim.js
//                      (another checkout of this project, built), taking turns run by run, and
//                      print before/after ratios
import * as path from "node:path";

export interface BenchOptions {
  quick: boolean;
  repeats: number;
  dayRepeats: number;
  sections: ReadonlySet<string>;
  holdSizes: readonly number[];
  /** An absolute path, or undefined. */
  baseline: string | undefined;
}

const knownSections = ["hold", "day", "jobs", "sweep", "startup", "peers", "profile", "layers"];

export function parseOptions(args: readonly string[]): BenchOptions {
  const flag = (name: string) => args.includes(name);
  const option = (name: string) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const quick = flag("--quick");
  const repeats = Number(option("--repeats") ?? (quick ? 1 : 3));
  const dayRepeats = Number(option("--day-repeats") ?? repeats);
  const chosen = option("--only")?.split(",") ?? [
    "hold",
    "day",
    "jobs",
    "sweep",
    "startup",
    "layers",
    ...(flag("--peers") ? ["peers"] : []),
    ...(flag("--profile") ? ["profile"] : []),
  ];
  const unknown = chosen.filter((name) => !knownSections.includes(name));
  const problems = [
    ...unknown.map((name) => `--only: no section ${name} (sections: ${knownSections.join(",")})`),
    ...(Number.isInteger(repeats) && repeats > 0 ? [] : ["--repeats: expected a whole number ≥ 1"]),
    ...(Number.isInteger(dayRepeats) && dayRepeats > 0
      ? []
      : ["--day-repeats: expected a whole number ≥ 1"]),
  ];
  if (problems.length > 0) {
    console.error(problems.join("\n"));
    process.exit(2);
  }
  const baseline = option("--baseline");
  return {
    quick,
    repeats,
    dayRepeats,
    sections: new Set(chosen),
    holdSizes: quick ? [1e3, 1e4, 1e5] : [1e3, 1e4, 1e5, 1e6],
    baseline: baseline === undefined ? undefined : path.resolve(baseline),
  };
}
