// The package as a stranger gets it: `npm pack`, the tarball installed into a fresh project
// outside this repository (consumer.ts: offline, from the versions npm ci cached), and there
// - plain `node` imports the library and a shipped scenario (failover-sim/scenarios/<name>) and
//   runs it, with the same result as here; CommonJS `require` works too (Node's require(esm));
// - tsc, strict with NodeNext resolution and no skipLibCheck, type-checks a scenario written
//   against the package's declarations, and rejects a wrong one;
// - `npx sim run` runs the project's own TypeScript scenario, which imports a helper module;
//   `npx sim check scenarios/` skips that helper with a note; `npx sim import` turns a shipped
//   sample configuration into a scenario that `npx sim run` runs;
// - publint --strict and Are the Types Wrong (--profile esm-only) find nothing wrong.
// dist/ is the one test/global-setup.ts made sure is built from the current sources.
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import splitBrain from "../../scenarios/split-brain.ts";
import { runScenario } from "../../sim/index.ts";
import { installConsumer, packInto } from "./consumer.ts";

const root = path.join(import.meta.dirname, "..", "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
let tmp: string;
let consumer: string;
let tarball: string;
let installLog: string;

const consumerScenario = `// The consumer's own scenario: a crash and a restart, typed against the package.
import { at, crash, defineScenario, restart, type Scenario } from "failover-sim";
import { twoZones } from "./shared.ts";

const scenario: Scenario = defineScenario({
  name: "consumer-crash",
  summary: "The primary crashes for a minute; the standby takes over.",
  duration: "5m",
  nodes: twoZones,
  clients: { writes: "50/s", zone: "a" },
  faults: [at("1m", crash("db1")), at("2m", restart("db1"))],
  expect: { failovers: 1, checks: { "some writes were acknowledged": (result) => (result.metrics.writes_acked ?? 0) > 0 } },
});
export default scenario;
`;

const sharedModule = `// Shared by the consumer's scenarios: not a scenario itself (no default export).
import type { NodeSpec } from "failover-sim";

export const twoZones: Record<string, NodeSpec> = {
  db1: { role: "primary", zone: "a" },
  db2: { role: "standby", zone: "b" },
  mon: { role: "monitor", zone: "c" },
};
`;

const plainNode = `import { runScenario } from "failover-sim";
import splitBrain from "failover-sim/scenarios/split-brain";
const result = runScenario(splitBrain, { seed: 1 });
console.log(JSON.stringify({ name: result.name, fingerprint: result.fingerprint, lost: result.metrics.lost_writes }));
`;

const commonJs = `const { defineScenario, runScenario, at, crash } = require("failover-sim");
const scenario = defineScenario({
  name: "cjs", summary: "From require.", duration: "2m",
  nodes: { db1: { role: "primary", zone: "a" }, db2: { role: "standby", zone: "b" }, mon: { role: "monitor", zone: "c" } },
  clients: { writes: "10/s", zone: "a" },
  faults: [at("30s", crash("db1"))],
});
console.log(runScenario(scenario, { seed: 3 }).metrics.failovers);
`;

const tsconfig = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    types: [],
  },
  include: ["scenarios"],
};

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sim-pack-"));
  consumer = path.join(tmp, "consumer");
  fs.mkdirSync(consumer);
  tarball = packInto(root, tmp);
  installLog = installConsumer(root, tarball, consumer, {
    "scenarios/consumer.ts": consumerScenario,
    "scenarios/shared.ts": sharedModule,
    "run.mjs": plainNode,
    "run.cjs": commonJs,
    "tsconfig.json": `${JSON.stringify(tsconfig, null, 2)}\n`,
  });
}, 180_000);

// Removing the consumer's installed packages can pass vitest's 10 s hook limit on a busy machine.
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}, 60_000);

function inConsumer(command: string, args: string[]) {
  const result = spawnSync(command, args, {
    cwd: consumer,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe("the packed package, installed into a fresh project", () => {
  it("ships the compiled package, its declarations, the scenarios, LICENSE, README and docs, and no sources or tests", () => {
    const listing = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n");
    for (const file of [
      "package/dist/index.js",
      "package/dist/index.d.ts",
      "package/dist/cli/main.js",
      "package/dist/scenarios/split-brain.js",
      "package/dist/scenarios/split-brain.d.ts",
      "package/bin/sim.js",
      "package/LICENSE",
      "package/README.md",
      "package/docs/checks.md",
      "package/docs/images/split-brain-timeline.png",
      "package/examples/configs/patroni.yml",
    ]) {
      expect(listing).toContain(file);
    }
    expect(
      listing.filter(
        (file) => /^package\/(sim|test|scripts)\//.test(file) || file.endsWith(".build-stamp.json"),
      ),
    ).toEqual([]);
    expect(installLog).not.toMatch(/install-scripts|install script/i);
  });

  it("runs a shipped scenario through the library API from plain node, as it runs here", () => {
    const { code, out, err } = inConsumer(process.execPath, ["run.mjs"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const here = runScenario(splitBrain, { seed: 1 });
    expect(JSON.parse(out)).toEqual({
      name: "split-brain",
      fingerprint: here.fingerprint,
      lost: here.metrics.lost_writes,
    });
  });

  it("loads with require from CommonJS", () => {
    const { code, out } = inConsumer(process.execPath, ["run.cjs"]);
    expect(code).toBe(0);
    expect(Number(out)).toBeGreaterThanOrEqual(1);
  });

  it("type-checks a consumer scenario with tsc strict and NodeNext, and rejects a wrong field", () => {
    // One tsc run over both: the consumer's scenario must check clean, the wrong copy must not.
    const wrong = consumerScenario.replace('duration: "5m"', 'duration: "5m", replicas: 3');
    fs.writeFileSync(path.join(consumer, "scenarios", "wrong.ts"), wrong);
    try {
      const { code, out, err } = inConsumer(process.execPath, [
        path.join(root, "node_modules", "typescript", "bin", "tsc"),
        "-p",
        ".",
      ]);
      expect(code).not.toBe(0);
      const errors = (out + err).trim().split("\n");
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^scenarios\/wrong\.ts\(\d+,\d+\): error TS\d+: .*replicas/);
    } finally {
      fs.rmSync(path.join(consumer, "scenarios", "wrong.ts"));
    }
  });

  it("npx sim runs the project's own TypeScript scenario and writes its report", () => {
    const { code, out, err } = inConsumer("npx", [
      "sim",
      "run",
      "scenarios/consumer.ts",
      "--no-charts",
    ]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/^consumer-crash — /);
    expect(
      fs.readFileSync(path.join(consumer, "reports", "consumer-crash", "summary.csv"), "utf8"),
    ).toMatch(/^scenario,/);
  });

  it("npx sim import turns a shipped sample configuration into a scenario that npx sim runs", () => {
    const sample = path.join("node_modules", "failover-sim", "examples", "configs", "haproxy.cfg");
    const imported = inConsumer("npx", ["sim", "import", sample, "--out", "imported/ours.ts"]);
    expect(imported.code, imported.err).toBe(0);
    const { code, out, err } = inConsumer("npx", ["sim", "run", "imported/ours.ts", "--no-charts"]);
    expect([code, err]).toEqual([0, ""]);
    expect(out).toMatch(/^ours — HAProxy as haproxy\.cfg sets it up/);
  });

  it("npx sim check skips the helper module in scenarios/ with a note", () => {
    const { code, out, err } = inConsumer("npx", ["sim", "check", "scenarios"]);
    expect(code).toBe(0);
    expect(err).toMatch(/scenarios\/shared\.ts.*no default export.*skipped/);
    expect(out).toMatch(/consumer-crash/);
  });

  it("passes publint --strict and Are the Types Wrong (esm-only)", () => {
    const publint = spawnSync(bin("publint"), ["run", tarball, "--strict"], {
      cwd: tmp,
      encoding: "utf8",
    });
    expect(publint.stdout + publint.stderr).toMatch(/All good/);
    expect(publint.status).toBe(0);
    const attw = spawnSync(
      bin("attw"),
      [
        tarball,
        "--profile",
        "esm-only",
        "--include-entrypoints",
        "./scenarios/split-brain",
        "--format",
        "table-flipped",
      ],
      { cwd: tmp, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
    expect(attw.stdout + attw.stderr).not.toMatch(/❌|💀|🐛|🥴/);
    expect(attw.status, attw.stdout + attw.stderr).toBe(0);
  });
});
