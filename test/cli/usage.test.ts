// How `sim` answers a mistake: a misspelt command or option gets the nearest one ("did you
// mean"), and with --json every failure is also exactly one JSON object on stdout,
// { error: { code, message, file, field } }, beside the usual message on stderr (usage.ts,
// failure.ts).
import * as path from "node:path";
import { describe, expect, it, vi } from "vitest";
import yargs from "yargs";
import { skipHelpCache } from "../../sim/cli/usage.ts";
import { sim } from "./sim-in-process.ts";

const scenarios = path.relative(process.cwd(), path.join(import.meta.dirname, "scenarios"));
const smallCrash = path.join(scenarios, "small-crash.ts");

describe("did you mean", () => {
  it("names the nearest command", async () => {
    expect(await sim("rnu", smallCrash)).toEqual({
      code: 2,
      out: "",
      err: 'Unknown command "rnu"; did you mean "run"? The commands are: run, sweep, merge, check, fuzz, list, explain, import, completion (see sim --help).\n',
    });
    expect((await sim("expalin")).err).toContain('did you mean "explain"?');
    expect((await sim("frobnicate")).err).not.toContain("did you mean");
  });

  it("names the nearest option of the command given", async () => {
    expect(await sim("check", scenarios, "--seeeds", "3")).toEqual({
      code: 2,
      out: "",
      err: "Unknown option --seeeds for sim check; did you mean --seeds? (see sim check --help).\n",
    });
    expect((await sim("run", smallCrash, "--seeed", "3")).err).toBe(
      "Unknown option --seeed for sim run; did you mean --seed? (see sim run --help).\n",
    );
    expect((await sim("run", smallCrash, "--sed", "1", "--outt", "x")).err).toBe(
      "Unknown options --sed, --outt for sim run; did you mean --seed, --out? (see sim run --help).\n",
    );
    expect((await sim("run", smallCrash, "--zzzzzz")).err).toBe(
      "Unknown option --zzzzzz for sim run (see sim run --help).\n",
    );
    expect((await sim("--hlep")).err).toMatch(/^Unknown option --hlep; did you mean --help\?/);
    expect((await sim("list", "scenarios", "extra")).err).toBe(
      "Unknown argument extra for sim list (see sim list --help).\n",
    );
  });
});

describe("--json on failure", () => {
  const errorOf = (out: string) => (JSON.parse(out) as { error: Record<string, unknown> }).error;

  it("a bad flag: code bad-input, the flag as field", async () => {
    const { code, out, err } = await sim("run", smallCrash, "--json", "--seeed", "3");
    expect(code).toBe(2);
    expect(out.trim().split("\n")).toHaveLength(1);
    expect(errorOf(out)).toEqual({
      code: "bad-input",
      message: err.trim(),
      file: null,
      field: "--seeed",
    });
  });

  it("an invalid scenario: code invalid-scenario, its file and field", async () => {
    const { code, out, err } = await sim("run", path.join(scenarios, "misspelt.ts"), "--json");
    expect(code).toBe(2);
    const error = errorOf(out);
    expect(error).toMatchObject({
      code: "invalid-scenario",
      file: path.join(scenarios, "misspelt.ts"),
      message: err.trim(),
    });
    expect(error.field).toMatch(/duraton/);
  });

  it("several invalid scenarios in sim check: one object, each problem listed", async () => {
    const fixtures = path.relative(process.cwd(), path.join(import.meta.dirname, "..", "fixtures"));
    const { code, out } = await sim("check", fixtures, "--json");
    expect(code).toBe(2);
    const error = errorOf(out);
    expect(error.code).toBe("invalid-scenario");
    expect(
      (error.problems as { file: string }[]).map((problem) => path.basename(problem.file)),
    ).toEqual(["string-default-scenario.ts", "throwing-scenario.ts"]);
  });

  it("a missing file and a bad --seed", async () => {
    expect(errorOf((await sim("run", "nope.ts", "--json")).out)).toMatchObject({
      code: "invalid-scenario",
      file: "nope.ts",
      field: null,
    });
    expect(errorOf((await sim("run", smallCrash, "--seed", "x", "--json")).out)).toMatchObject({
      code: "bad-input",
      file: null,
    });
  });

  it("without --json nothing is printed on stdout", async () => {
    expect((await sim("run", "nope.ts")).out).toBe("");
  });
});

describe("help, with yargs' help cache skipped (usage.ts, skipHelpCache)", () => {
  it("finds the step it skips in this yargs", () => {
    expect(skipHelpCache(yargs([]))).toBe(true);
    expect(skipHelpCache({})).toBe(false);
  });

  it("still prints a command's help when asked", async () => {
    const printed: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((text) => void printed.push(text));
    try {
      expect((await sim("run", "--help")).code).toBe(0);
    } finally {
      log.mockRestore();
    }
    const help = printed.join("\n");
    expect(help).toMatch(/^sim run <scenario>/);
    expect(help).toContain("--seed");
    expect(help).toContain("--no-charts");
  });
});
