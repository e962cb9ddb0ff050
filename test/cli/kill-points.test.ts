// A kill at any file operation of the write phase leaves the report folder whole: `sim run` and
// `sim sweep` are stopped (SIGKILL, then SIGINT) just before their n-th file operation through
// the SIM_TEST_SIGNAL_AT_FILE_OP hook (cli/output.ts) — no timing involved. Each time the folder
// starts as the same previous report; afterwards it must be exactly the previous report or
// exactly the new one, never a mix. Killed between the swap's two renames, the folder is briefly
// absent and the previous report whole beside it: the next sim puts it back. SIGINT must exit
// 130 and say that the previous report was kept — or, once the swap has begun, finish it and
// exit 0 with the new report.
// Every process costs a second or two, so `npm test` stops at one operation of each kind (lock,
// staging, each rename of the swap, removal, unlock); `npm run validate:kill-points`
// (SIM_KILL_POINTS=all) stops at every operation, both signals, both commands.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.join(import.meta.dirname, "..", "..");
const bin = path.join(root, "bin", "sim.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sim-kill-"));
const everyPoint = process.env.SIM_KILL_POINTS === "all";
/** Each process takes a second or two, more on a loaded machine. */
const timeout = everyPoint ? 1_200_000 : 180_000;

/** The operation numbers to stop at: all of them, or the first of each kind in `kinds`. */
function points(operations: readonly string[], kinds: readonly RegExp[]): number[] {
  const all = operations.map((_, i) => i + 1);
  if (everyPoint) return all;
  return kinds
    .map((kind) => all.find((n) => kind.test(operations[n - 1])))
    .filter((n) => n !== undefined);
}

const killKinds = [
  / link .*sim-lock$/,
  / unlink .*sim-lock$/,
  / write .*sim-new-.*(summary|runs)\.csv/,
  / rename .* → .*\.sim-old-/,
  / rename .*\.sim-new-.* → /,
];
const interruptKinds = [/ write .*sim-new-.*events|sweep\.json/, / rename .* → .*\.sim-old-/];

function sim(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  return { code: result.status, signal: result.signal, out: result.stdout, err: result.stderr };
}

/** Every file under a folder with its bytes (as base64), by relative path. */
function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    result[path.relative(dir, full)] = entry.isFile()
      ? fs.readFileSync(full).toString("base64")
      : "<dir>";
  }
  return result;
}

/** The hidden siblings sim leaves beside a folder while it writes it. */
const siblings = (dir: string) =>
  fs
    .readdirSync(path.dirname(dir))
    .filter((name) => name.startsWith(`.${path.basename(dir)}.sim-`));

interface Case {
  name: string;
  /** The command writing `out`: `previous` makes the previous report, `next` the new one. */
  command(out: string, which: "previous" | "next"): string[];
}

const cases: Case[] = [
  {
    name: "sim run",
    command: (out, which) => [
      "run",
      "scenarios/blip.ts",
      "--no-charts",
      "--seed",
      which === "previous" ? "1" : "2",
      "--out",
      out,
    ],
  },
  {
    name: "sim sweep",
    command: (out, which) => [
      "sweep",
      "test/sweep/tiny-scenario.ts",
      "--vary",
      `detector.timeout=${which === "previous" ? "2s,3s" : "4s,5s"}`,
      "--seeds",
      "1",
      "--workers",
      "1",
      "--no-charts",
      "--out",
      out,
    ],
  },
];

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe.each(cases)(
  "$name killed at each file operation of its write phase",
  ({ name, command }) => {
    const base = path.join(tmp, name.replace(" ", "-"));
    let previous: Record<string, string>;
    let next: Record<string, string>;
    let operations: string[];

    beforeAll(() => {
      const reference = path.join(base, "reference");
      expect(sim(command(reference, "previous")).code).toBe(0);
      previous = snapshot(reference);
      const log = path.join(base, "ops.log");
      expect(sim(command(reference, "next"), { SIM_TEST_FILE_OP_LOG: log }).code).toBe(0);
      next = snapshot(reference);
      operations = fs.readFileSync(log, "utf8").trim().split("\n");
      expect(next).not.toEqual(previous);
    }, timeout);

    /** A folder holding the previous report, and nothing beside it. */
    function startingFolder(label: string): string {
      const out = path.join(base, label, "report");
      fs.mkdirSync(out, { recursive: true });
      for (const [file, content] of Object.entries(previous)) {
        if (content === "<dir>") fs.mkdirSync(path.join(out, file), { recursive: true });
        else fs.writeFileSync(path.join(out, file), Buffer.from(content, "base64"));
      }
      return out;
    }

    it("logs the operations: lock, write every file into a sibling, swap with two renames, remove the old, unlock", () => {
      expect(operations[0]).toMatch(
        /^1 write .*\.report\.sim-claim-|^1 write .*\.reference\.sim-claim-/,
      );
      expect(
        operations.some((line) => / rename .*reference → .*\.reference\.sim-old-/.test(line)),
      ).toBe(true);
      expect(operations.at(-1)).toMatch(/unlink .*\.reference\.sim-lock$/);
    });

    it(
      "SIGKILL: the folder is always exactly the previous report or exactly the new one",
      () => {
        for (const n of points(
          operations,
          name === "sim run" ? killKinds : killKinds.slice(2, 5).filter((_, i) => i !== 1),
        )) {
          const out = startingFolder(`kill-${n}`);
          const result = sim(command(out, "next"), { SIM_TEST_SIGNAL_AT_FILE_OP: String(n) });
          expect(result.signal, `op ${n}: ${operations[n - 1]}`).toBe("SIGKILL");
          if (fs.existsSync(out)) {
            const found = snapshot(out);
            expect([previous, next], `op ${n}: ${operations[n - 1]}`).toContainEqual(found);
          } else {
            // Between the swap's two renames: the previous report is whole beside it, and put back.
            const aside = siblings(out).filter((entry) => entry.includes(".sim-old-"));
            expect(aside, `op ${n}: ${operations[n - 1]}`).toHaveLength(1);
            expect(snapshot(path.join(path.dirname(out), aside[0]))).toEqual(previous);
            const again = sim(command(out, "previous"));
            expect(again.err).toMatch(/put back the previous report/);
            expect(snapshot(out)).toEqual(previous);
          }
        }
      },
      timeout,
    );

    it.skipIf(name !== "sim run" && !everyPoint)(
      "after a kill, the next run tidies every temporary and writes the new report whole",
      () => {
        const middle = Math.ceil(operations.length / 2);
        const out = startingFolder("tidy");
        expect(
          sim(command(out, "next"), { SIM_TEST_SIGNAL_AT_FILE_OP: String(middle) }).signal,
        ).toBe("SIGKILL");
        expect(siblings(out).length).toBeGreaterThan(0);
        expect(sim(command(out, "next")).code).toBe(0);
        expect(snapshot(out)).toEqual(next);
        expect(siblings(out).filter((entry) => !entry.endsWith(".sim-partial.jsonl"))).toEqual([]);
      },
      timeout,
    );

    it(
      "SIGINT: exit 130 saying the previous report was kept, or — once the swap began — the new report",
      () => {
        const swapStart = operations.findIndex((line) => / rename .*reference → /.test(line)) + 1;
        for (const n of points(
          operations,
          name === "sim run" ? interruptKinds : interruptKinds.slice(0, 1),
        )) {
          const out = startingFolder(`int-${n}`);
          const result = sim(command(out, "next"), { SIM_TEST_SIGNAL_AT_FILE_OP: `${n}:SIGINT` });
          const where = `op ${n}: ${operations[n - 1]}`;
          if (result.code === 130) {
            expect(n, where).toBeLessThan(swapStart);
            expect(result.err, where).toContain(
              `Interrupted (SIGINT): nothing was written; ${out} holds the previous report, as it was.`,
            );
            expect(snapshot(out), where).toEqual(previous);
          } else {
            expect(result.code, where).toBe(0);
            expect(snapshot(out), where).toEqual(next);
          }
          expect(
            siblings(out).filter((entry) => !entry.endsWith(".sim-partial.jsonl")),
            where,
          ).toEqual([]);
        }
      },
      timeout,
    );
  },
);
