// `npm run bench` — how fast the simulator is, measured honestly (issues 9 and 22). Not part of
// `npm test`. Prints a table and writes reports/bench/bench.csv; every figure is the median over
// repeated runs, and every ratio is taken between figures measured side by side in the same
// process run. Sections (docs/performance.md says what each row means exactly):
//   1. hold model: the engine's event set against a bare typed-array heap (hold-section.ts);
//   2. the busy day and its first hour through the CLI (scenario-section.ts);
//   3. the dedicated jobs: events per heartbeat round and per client write (scenario-section.ts);
//   4. sweep scaling: 2 worker threads beside two processes (sweep-section.ts);
//   5. start-up beside a bare `node -e 0` (startup-section.ts);
//   6. --peers: the heartbeat job beside a lean SimPy model (peers-section.ts);
//   7. --profile: the top 10 functions of the busy hour and the heartbeat job (profile-section.ts);
//   8. layers: the busy hour's CPU time by layer — the model, the fingerprint, the observers
//      (layers-section.ts).
// Options (options.ts): --repeats N, --day-repeats N, --only LIST, --quick, --peers, --profile,
// --baseline DIR (the scenario rows also with another checkout's CLI, alternating, as ratios).
// Wall times include process start-up (what a user waits for); nothing here is timed in `npm test`.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
// @ts-expect-error -- plain JavaScript without declarations (it runs before anything is compiled)
import { distIsBuilt } from "../../scripts/dist-state.js";
import { outDir, root } from "./children.ts";
import { holdSection } from "./hold-section.ts";
import { layersSection } from "./layers-section.ts";
import { parseOptions } from "./options.ts";
import { peersSection } from "./peers-section.ts";
import { profileSection } from "./profile-section.ts";
import { section, writeCsv } from "./rows.ts";
import { daySection, jobsSection } from "./scenario-section.ts";
import { startupSection } from "./startup-section.ts";
import { sweepSection } from "./sweep-section.ts";

const options = parseOptions(process.argv.slice(2));

/** Builds a checkout's dist/ when it is not built from its current sources. */
async function ensureBuilt(checkout: string): Promise<void> {
  if (await distIsBuilt(checkout)) return;
  console.log(`${checkout}: dist/ is not built from the current sources: building it`);
  const build = spawnSync(process.execPath, ["scripts/build.js"], {
    cwd: checkout,
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error(`${checkout}: the build failed`);
}

fs.mkdirSync(outDir, { recursive: true });
await ensureBuilt(root);
if (options.baseline !== undefined) {
  if (!fs.existsSync(path.join(options.baseline, "bin", "sim.js"))) {
    console.error(
      `--baseline: expected a checkout of this project, with bin/sim.js, got ${options.baseline}`,
    );
    process.exit(2);
  }
  await ensureBuilt(options.baseline);
}
console.log(
  `sim benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${os.platform()}, load ${os.loadavg()[0].toFixed(2)}${options.baseline === undefined ? "" : `; baseline ${options.baseline}`}`,
);
const sections = [
  { name: "hold", row: "hold", run: holdSection },
  { name: "day", row: "scenario", run: daySection },
  { name: "jobs", row: "scenario", run: jobsSection },
  { name: "sweep", row: "sweep", run: sweepSection },
  { name: "startup", row: "startup", run: startupSection },
  { name: "peers", row: "peers", run: peersSection },
  { name: "profile", row: "profile", run: profileSection },
  { name: "layers", row: "layers", run: layersSection },
] as const;
for (const { name, row, run } of sections)
  if (options.sections.has(name)) await section(row, () => run(options));
writeCsv(path.join(outDir, "bench.csv"));
