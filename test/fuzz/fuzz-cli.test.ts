// `sim fuzz` end to end through the CLI's main(): a violation found, shrunk, written as a
// reproducer that `sim run` reproduces; none under sync replication with fencing; the same seed
// giving the same result; bad input exiting 2 with nothing written.
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sim } from "../cli/sim-in-process.ts";

const fixtures = path.relative(process.cwd(), path.join(import.meta.dirname, "fixtures"));
const asyncUnfenced = path.join(fixtures, "async-unfenced.ts");
const syncFenced = path.join(fixtures, "sync-fenced.ts");
let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "sim-fuzz-"));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe("sim fuzz on async replication without fencing", () => {
  it("finds lost writes, shrinks them to one or two faults and writes a reproducer that sim run reproduces", async () => {
    const reproducer = path.join(root, "a", "lost.ts");
    const { code, out, err } = await sim(
      "fuzz",
      asyncUnfenced,
      "--invariant",
      "no-lost-acked-writes",
      "--out",
      reproducer,
    );
    expect([code, err]).toEqual([1, ""]);
    expect(out).toMatch(/^fuzz async-unfenced · invariant no-lost-acked-writes · seed 1\n/);
    expect(out).toMatch(/\n {2}runs +\d+ of 100: run \d+ broke it \(simulation seed \d+\)\n/);
    const shrunkLost = Number(
      /\n {2}shrunk +\d+ faults? after \d+ runs?: lost_writes = (\d+)/.exec(out)?.[1],
    );
    expect(shrunkLost).toBeGreaterThan(0);
    expect(out).toContain(`run it:     npx sim run ${path.relative(process.cwd(), reproducer)}\n`);

    const source = await fs.readFile(reproducer, "utf8");
    const faultLines = source.split("\n").filter((line) => /^ {4}at\(/.test(line));
    expect(faultLines.length).toBeGreaterThanOrEqual(1);
    expect(faultLines.length).toBeLessThanOrEqual(2);
    expect(source).toMatch(
      /^\/\/ async-unfenced breaks the invariant no-lost-acked-writes \(lost_writes = 0: /,
    );
    expect(source).toContain(
      `import fuzzed from "${path.relative(path.dirname(reproducer), asyncUnfenced).split(path.sep).join("/")}";`,
    );
    expect(source).toContain("  expect: { lostWrites: 0 },\n");
    expect(await fs.readdir(path.dirname(reproducer))).toEqual(["lost.ts"]);

    // The reproducer, run as any scenario: the same lost writes, and exit 1 on its expectation.
    const run = await sim(
      "run",
      reproducer,
      "--json",
      "--no-charts",
      "--out",
      path.join(root, "report"),
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out)).toMatchObject({
      scenario: "async-unfenced-fuzz-no-lost-acked-writes",
      lost_writes: shrunkLost,
    });
    expect(run.err).toBe(`expectation not met: expected lost_writes = 0, got ${shrunkLost}\n`);
  });

  it("gives the same runs, failure and shrunk reproducer for the same seed", async () => {
    const [first, second] = [path.join(root, "a", "r.ts"), path.join(root, "b", "r.ts")];
    const one = await sim(
      "fuzz",
      asyncUnfenced,
      "--invariant",
      "single-writable-primary",
      "--seed",
      "5",
      "--out",
      first,
    );
    const two = await sim(
      "fuzz",
      asyncUnfenced,
      "--invariant",
      "single-writable-primary",
      "--seed",
      "5",
      "--out",
      second,
    );
    expect([one.code, two.code]).toEqual([1, 1]);
    const same = (text: string) =>
      text
        .replaceAll(`${path.sep}b${path.sep}`, `${path.sep}a${path.sep}`)
        .replaceAll("/b/", "/a/");
    expect(same(two.out)).toBe(one.out);
    expect(same(await fs.readFile(second, "utf8"))).toBe(await fs.readFile(first, "utf8"));
  });
});

describe("sim fuzz on sync replication with epoch fencing", () => {
  it("finds no lost acknowledged write in 200 runs, exits 0 and writes nothing", async () => {
    const reproducer = path.join(root, "none.ts");
    const { code, out, err } = await sim(
      "fuzz",
      syncFenced,
      "--invariant",
      "no-lost-acked-writes",
      "--runs",
      "200",
      "--out",
      reproducer,
    );
    expect([code, err]).toEqual([0, ""]);
    expect(out).toContain("\n  runs      200, no violation\n");
    await expect(fs.stat(reproducer)).rejects.toThrow();
  });
});

describe("sim fuzz on bad input", () => {
  const cases: [string, string[], RegExp][] = [
    [
      "an unknown invariant",
      ["fuzz", asyncUnfenced, "--invariant", "no-lost-writes"],
      /^Unknown invariant "no-lost-writes" for --invariant; the invariants are: no-lost-acked-writes, single-writable-primary, recovers-after-faults, expect\.\n$/,
    ],
    [
      "no invariant",
      ["fuzz", asyncUnfenced],
      /^sim fuzz needs --invariant, one of: no-lost-acked-writes, /,
    ],
    ["no scenario", ["fuzz"], /^sim fuzz needs a scenario file/],
    [
      "a bad --runs",
      ["fuzz", asyncUnfenced, "--invariant", "expect", "--runs", "0"],
      /^--runs expects a whole number from 1 to 1000000, got "0"\.\n$/,
    ],
    [
      "a bad --settle",
      ["fuzz", asyncUnfenced, "--invariant", "expect", "--settle", "soon"],
      /^--settle expects a duration like "250ms"/,
    ],
    [
      "an --out that is no .ts file",
      ["fuzz", asyncUnfenced, "--invariant", "expect", "--out", "repro.js"],
      /^--out names the reproducer scenario file and must end in \.ts/,
    ],
    [
      "a scenario too short to fuzz",
      ["fuzz", "test/cli/scenarios/small-crash.ts", "--invariant", "expect"],
      /^test\/cli\/scenarios\/small-crash\.ts: duration 30s is too short to fuzz/,
    ],
    [
      "expect on a scenario without expectations",
      ["fuzz", path.join(fixtures, "stale-dns.ts"), "--invariant", "expect"],
      /stale-dns\.ts: the invariant expect checks the scenario's expectations, but it has none/,
    ],
  ];
  for (const [what, argv, message] of cases) {
    it(`exits 2 on ${what}, writing nothing`, async () => {
      const { code, out, err } = await sim(
        ...argv,
        ...(argv.includes("--out") || argv.length < 2 ? [] : ["--out", path.join(root, "x.ts")]),
      );
      expect([code, out]).toEqual([2, ""]);
      expect(err).toMatch(message);
      expect(await fs.readdir(root)).toEqual([]);
    });
  }
});
