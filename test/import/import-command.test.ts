// `sim import` as a user runs it: the scenario on stdout or in --out, what was left out on
// stderr, byte-identical output for the same configuration, every problem of a malformed file
// at once (exit 2, `file:line: key: expected …`, nothing written), and the imported scenarios
// accepted by `sim run` and passing `sim check` — in this process and through bin/sim.js.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sim } from "../cli/sim-in-process.ts";
import { imported, samples } from "./import-kit.ts";

const sampleNames = ["patroni.yml", "sentinel.conf", "postgres-statefulset.yaml", "haproxy.cfg"];
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sim-import-cli-"));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

describe("sim import", () => {
  it("prints the scenario on stdout, and on stderr a line each for what is not modelled and what is ignored", async () => {
    const { code, out, err } = await sim("import", path.join(samples, "sentinel.conf"));
    expect(code).toBe(0);
    expect(out).toBe(imported("sentinel.conf").text);
    expect(err).toBe(
      "sentinel.conf: not modelled yet: sentinel parallel-syncs (see the scenario's comments)\n" +
        "sentinel.conf: ignored: port, daemonize, pidfile, logfile, dir, protected-mode, sentinel auth-pass, sentinel deny-scripts-reconfig, sentinel resolve-hostnames, sentinel myid, sentinel config-epoch, sentinel leader-epoch, sentinel current-epoch (see the scenario's comments)\n",
    );
  });

  it("gives byte-identical output for the same configuration, wherever the file is", async () => {
    const copy = path.join(tmp, "elsewhere", "patroni.yml");
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(path.join(samples, "patroni.yml"), copy);
    const runs = await Promise.all([
      sim("import", path.join(samples, "patroni.yml")),
      sim("import", path.join(samples, "patroni.yml")),
      sim("import", copy),
    ]);
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0]);
    expect(runs[1].out).toBe(runs[0].out);
    expect(runs[2].out).toBe(runs[0].out);
  });

  it("writes --out whole, names the scenario after it, and the scenarios pass sim run and sim check", async () => {
    const dir = path.join(tmp, "scenarios");
    for (const sample of sampleNames) {
      const out = path.join(dir, `ours-${sample.replace(/\..*$/, "")}.ts`);
      const { code, err } = await sim("import", path.join(samples, sample), "--out", out);
      expect([code, err.split("\n").at(-2)]).toEqual([
        0,
        expect.stringContaining(
          `→ ${out} (scenario ours-${sample.replace(/\..*$/, "")}); run it: sim run ${out}`,
        ),
      ]);
      const run = await sim("run", out, "--no-charts", "--out", path.join(tmp, "reports", sample));
      expect([run.code, run.err]).toEqual([0, ""]);
    }
    const check = await sim("check", dir);
    expect([check.code, check.err]).toEqual([0, ""]);
    expect(check.out).toMatch(/\n4 scenarios · 8 expectations · 4 runs .*· all passed\n$/);
  });

  it("takes --format over detection, refuses a file it cannot recognise and --sentinels for another format", async () => {
    const readme = await sim("import", "README.md");
    expect(readme.code).toBe(2);
    expect(readme.err).toMatch(
      /^README\.md cannot be imported:\n {2}README\.md: cannot tell which configuration this is; expected Patroni YAML .* or name it with --format patroni\|sentinel\|kubernetes\|haproxy\n$/,
    );
    const forced = await sim(
      "import",
      write("dcs.yaml", "tags:\n  nofailover: true\n"),
      "--format",
      "patroni",
    );
    expect(forced.code).toBe(0);
    const sentinels = await sim("import", path.join(samples, "haproxy.cfg"), "--sentinels", "3");
    expect([sentinels.code, sentinels.err]).toEqual([
      2,
      expect.stringContaining(
        "--sentinels applies to a Redis Sentinel configuration only; this is HAProxy",
      ),
    ]);
    const badCount = await sim(
      "import",
      path.join(samples, "sentinel.conf"),
      "--sentinels",
      "three",
    );
    expect([badCount.code, badCount.err]).toEqual([
      2,
      '--sentinels: expected a whole number of Sentinels from 1 to 64, got "three".\n',
    ]);
    const missing = await sim("import", path.join(tmp, "nothing.yml"));
    expect([missing.code, missing.err]).toEqual([
      2,
      expect.stringContaining("nothing.yml: expected a configuration file, but it cannot be read"),
    ]);
  });

  it("stops at its size limit before reading a runaway file", async () => {
    const huge = write(
      "huge.conf",
      `${"# padding\n".repeat(450_000)}sentinel monitor m 10.0.0.1 6379 1\n`,
    );
    const { code, err } = await sim("import", huge);
    expect([code, err]).toEqual([
      2,
      expect.stringMatching(
        /huge\.conf: expected a configuration of at most 4 MiB \(sim import's limit\), got 4\.3 MiB\./,
      ),
    ]);
  });
});

/** Malformed configurations, one per format, and every problem each must report. */
const malformed: [string, string, string[]][] = [
  [
    "patroni.yml",
    "scope: orders\nbootstrap:\n  dcs:\n    ttl: thirty\n    synchronous_mode: maybe\n",
    [
      'patroni.yml:4: ttl: expected a whole number of seconds, at least 0, got "thirty"',
      'patroni.yml:5: synchronous_mode: expected on, off or quorum, got "maybe"',
    ],
  ],
  [
    "indent.yml",
    "scope: orders\nbootstrap:\n  dcs:\n    ttl: 30\n   loop_wait: 10\n",
    ["indent.yml:5: expected valid YAML: All mapping items must start at the same column"],
  ],
  [
    "sentinel.conf",
    "sentinel monitor m 10.0.0.1 6379\nsentinel down-after-milliseconds m soon\nsentinel failover-timeout other 5000\nsentinel auth-pass 'open\n",
    [
      "sentinel.conf:1: sentinel monitor: expected sentinel monitor <master-name> <ip> <port> <quorum>, got 3 words after monitor",
      'sentinel.conf:2: sentinel down-after-milliseconds: expected sentinel down-after-milliseconds <master-name> <milliseconds>, a whole number of at least 1, got "soon"',
      'sentinel.conf:3: sentinel failover-timeout: expected a master named by an earlier `sentinel monitor` line, got "other" (Sentinel refuses it: No such master with specified name)',
      "sentinel.conf:4: expected a closing quote on this line",
    ],
  ],
  [
    "app.yaml",
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: db\n          readinessProbe:\n            periodSeconds: 0\n            failureThreshold: "3"\n',
    [
      "app.yaml:12: periodSeconds: expected a whole number of seconds, at least 1, got 0",
      'app.yaml:13: failureThreshold: expected a whole number of probes, at least 1, got "3"',
    ],
  ],
  [
    "haproxy.cfg",
    "defaults\n  timeout check soon\nbackend db\n  server a\n  server b 10.0.0.2:5432 check inter 2x fall 0 backup\n",
    [
      'haproxy.cfg:2: timeout check: expected a time like 5s or 5000 (milliseconds), above 0, got "soon"',
      "haproxy.cfg:3: backend db: expected a server that is not `backup` (backup servers take traffic only when every other server is DOWN)",
      "haproxy.cfg:4: server: expected server <name> <address>[:port] [options]",
      'haproxy.cfg:5: inter: expected a time like 2s or 2000 (milliseconds), above 0, got "2x"',
      'haproxy.cfg:5: fall: expected a whole number of checks, at least 1, got "0"',
    ],
  ],
];

describe("a malformed configuration", () => {
  for (const [name, text, problems] of malformed) {
    it(`${name}: exit 2, every problem at once naming its line, nothing written`, async () => {
      const file = write(name, text);
      const out = path.join(tmp, `never-${name}.ts`);
      const { code, out: stdout, err } = await sim("import", file, "--out", out);
      const count = problems.length === 1 ? "" : ` (${problems.length} problems)`;
      expect([code, stdout, err]).toEqual([
        2,
        "",
        `${file} cannot be imported${count}:\n${problems.map((problem) => `  ${problem}\n`).join("")}`,
      ]);
      expect(fs.existsSync(out)).toBe(false);
    });
  }
});

describe("bin/sim.js import (the built package, as after npm ci)", () => {
  it("writes the same scenario as the sources", () => {
    const root = path.join(import.meta.dirname, "..", "..");
    const result = spawnSync(
      process.execPath,
      [path.join(root, "bin", "sim.js"), "import", "examples/configs/postgres-statefulset.yaml"],
      { cwd: root, encoding: "utf8" },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(imported("postgres-statefulset.yaml").text);
  });
});
