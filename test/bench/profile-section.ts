// The benchmark's profile (`--profile`): where time goes in the busy hour and the heartbeat job's
// hour — each run once under `node --cpu-prof` through bin/sim.js (and through the baseline's,
// with --baseline), then the top 10 functions of the main thread by self and by inclusive time
// (profile-summary.mjs, which shows the compiled code's positions in the sources).
// Timing under the profiler is slower and not recorded; only the shares matter.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { outDir, root } from "./children.ts";
import type { BenchOptions } from "./options.ts";

const runs = [
  { label: "busy hour", file: "test/bench/busy-hour.ts" },
  { label: "heartbeat job 1 h", file: "test/bench/jobs/heartbeat-hour.ts" },
];

export function profileSection({ baseline }: BenchOptions): void {
  console.log(
    "\n7. CPU profiles: top 10 functions (node --cpu-prof, test/bench/profile-summary.mjs)",
  );
  const checkouts = baseline === undefined ? [root] : [root, baseline];
  for (const { label, file } of runs) {
    for (const checkout of checkouts) {
      const name = `${label.replaceAll(" ", "-")}${checkout === root ? "" : "-before"}`;
      const profileDir = path.join(outDir, "profiles", name);
      fs.rmSync(profileDir, { recursive: true, force: true });
      const run = spawnSync(
        process.execPath,
        [
          "--cpu-prof",
          "--cpu-prof-dir",
          profileDir,
          path.join(checkout, "bin", "sim.js"),
          "run",
          file,
          "--no-charts",
          "--out",
          path.join(outDir, `profile-${name}`),
        ],
        { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
      );
      if (run.status !== 0) throw new Error(`profiling ${label} failed:\n${run.stderr}`);
      console.log(`\n  ${label}${checkout === root ? "" : `, before (${checkout})`}:`);
      spawnSync(
        process.execPath,
        [
          path.join(import.meta.dirname, "profile-summary.mjs"),
          mainThreadProfile(profileDir),
          "10",
        ],
        { cwd: root, stdio: "inherit" },
      );
    }
  }
}

/** The main thread's profile: the largest (the module loader's thread, when a scenario's loader
 *  hooks are registered, writes a small one of its own). */
function mainThreadProfile(profileDir: string): string {
  const files = fs.readdirSync(profileDir).map((entry) => path.join(profileDir, entry));
  return files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
}
