// What needs real processes: two writers of one report folder, and a scenario module that never
// finishes loading. The first writer is frozen (SIGSTOP, through the file-operation hook of
// cli/output.ts) right after it took the folder's lock, so the overlap is certain, not timed.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.join(import.meta.dirname, "..", "..");
const bin = path.join(root, "bin", "sim.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sim-writers-"));
const scenario = "test/cli/scenarios/small-crash.ts";

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function sim(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function started(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  let err = "";
  child.stderr.on("data", (chunk) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, err: () => err };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1500 && !condition(); i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe("two writers of one folder", () => {
  it("the second fails at once with exit 2 naming the first; with --wait it waits, and the folder ends whole", async () => {
    const out = path.join(tmp, "shared");
    const lock = path.join(tmp, ".shared.sim-lock");
    // Operation 4 is the first after taking the lock (claim, link, unlink): freeze there.
    const first = started(["run", scenario, "--no-charts", "--out", out], {
      SIM_TEST_SIGNAL_AT_FILE_OP: "4:SIGSTOP",
    });
    await until(
      () => fs.existsSync(lock) && fs.readFileSync(lock, "utf8").includes(String(first.child.pid)),
      "the first writer's lock",
    );

    const second = sim(["run", scenario, "--no-charts", "--seed", "7", "--out", out]);
    expect(second.code).toBe(2);
    expect(second.err.trim()).toMatch(
      new RegExp(
        `^.*shared is being written by process ${first.child.pid} \\(sim run ${scenario.replace(/\./g, "\\.")}, since .*\\)\\. Wait for it with --wait, or choose another folder with --out\\.$`,
      ),
    );

    const waiting = started([
      "run",
      scenario,
      "--no-charts",
      "--seed",
      "7",
      "--wait",
      "--out",
      out,
    ]);
    await until(() => waiting.err().includes("Waiting:"), "the waiting writer's note");
    first.child.kill("SIGCONT");
    expect(await first.exited).toBe(0);
    expect(await waiting.exited).toBe(0);
    const reference = path.join(tmp, "reference");
    expect(sim(["run", scenario, "--no-charts", "--seed", "7", "--out", reference]).code).toBe(0);
    for (const file of fs.readdirSync(reference))
      expect(fs.readFileSync(path.join(out, file), "utf8")).toBe(
        fs.readFileSync(path.join(reference, file), "utf8"),
      );
    expect(fs.readdirSync(out).sort()).toEqual(fs.readdirSync(reference).sort());
    expect(fs.readdirSync(tmp).filter((name) => name.startsWith(".shared."))).toEqual([]);
  });
});

describe("a scenario module that never finishes loading", () => {
  it("is stopped at --max-load with exit 2 naming the limit", () => {
    const file = path.join(tmp, "forever.ts");
    fs.writeFileSync(file, `let spins = 0;\nwhile (spins >= 0) spins++;\nexport default {};\n`);
    const { code, err } = sim([
      "run",
      file,
      "--max-load",
      "1s",
      "--out",
      path.join(tmp, "forever"),
    ]);
    expect(code).toBe(2);
    expect(err.trim()).toBe(
      `${file}: expected a module that loads within the limit of 1s on the time to load the scenario module (raise it with --max-load DURATION), got one still loading (stopped).`,
    );
    expect(fs.existsSync(path.join(tmp, "forever"))).toBe(false);
  });
});
