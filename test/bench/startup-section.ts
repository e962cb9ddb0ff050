// The benchmark's start-up rows: `sim --help`, `sim list` and a tiny run (.ts and .mjs, with and
// without charts), each beside a bare `node -e 0` started in turn with it. With --baseline, the
// baseline checkout's bin/sim.js takes its turn too (not on the .mjs run: that file sits in this
// project, where "failover-sim" resolves to this package, so the baseline would load it through
// module hooks), and each case gets its time before and the ratio.
import * as fs from "node:fs";
import * as path from "node:path";
import { nodeWall, outDir, root, simWall } from "./children.ts";
import type { BenchOptions } from "./options.ts";
import { median, record } from "./rows.ts";

export function startupSection({ repeats, baseline }: BenchOptions): void {
  const times = Math.max(7, repeats);
  console.log(
    `\n5. start-up, each beside a bare \`node -e 0\` run in turn with it (median of ${times})`,
  );
  const tinyMjs = path.join(outDir, "tiny-scenario.mjs");
  // The same scenario as JavaScript, in the project (so "failover-sim" resolves without hooks).
  fs.writeFileSync(
    tinyMjs,
    fs.readFileSync(path.join(root, "test", "bench", "tiny-scenario.ts"), "utf8"),
  );
  const tiny = (file: string, out: string) => ["run", file, "--out", path.join(outDir, out)];
  const cases: { label: string; args: string[]; atMostOverNode?: number; ownOnly?: true }[] = [
    { label: "sim --help", args: ["--help"], atMostOverNode: 0.25 },
    { label: "sim list (all shipped scenarios, .ts)", args: ["list"] },
    {
      label: "tiny .ts run, --no-charts",
      args: [...tiny("test/bench/tiny-scenario.ts", "tiny"), "--no-charts"],
      atMostOverNode: 0.5,
    },
    {
      label: "tiny .mjs run, --no-charts",
      args: [...tiny(tinyMjs, "tiny-mjs"), "--no-charts"],
      ownOnly: true,
    },
    {
      label: "tiny .ts run, with charts and report",
      args: tiny("test/bench/tiny-scenario.ts", "tiny"),
    },
  ];
  const bare: number[] = [];
  for (const { label, args, atMostOverNode, ownOnly } of cases) {
    const own: number[] = [];
    const before: number[] = [];
    const withBaseline = baseline !== undefined && !ownOnly;
    for (let r = 0; r < times; r++) {
      bare.push(nodeWall(["-e", "0"]));
      own.push(simWall(args));
      if (withBaseline) before.push(simWall(args, baseline));
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
    if (withBaseline) {
      record("startup", `${label}: wall time, before`, median(before), "s");
      record("startup", `${label}: before / after`, median(before) / median(own), "x");
    }
  }
  record("startup", "bare node -e 0: wall time", median(bare), "s");
}
