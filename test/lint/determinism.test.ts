// The determinism bans of the simulation core catch each banned use, and not a word in a comment
// or a string: `mode: "async"` is a replication mode.
import { describe, expect, it } from "vitest";
import { bannedIn } from "../../scripts/lint/determinism.ts";

describe("the determinism bans", () => {
  it("catch clocks, timers, unseeded randomness and async code", () => {
    const text = [
      "const x = Math.random();",
      "const t = Date.now() + performance.now();",
      "const d = new Date();",
      "process.hrtime();",
      "setTimeout(f, 1); queueMicrotask(f);",
      "async function f() { await g(); }",
    ].join("\n");
    expect(bannedIn(text)).toEqual([
      "Math.random",
      "Date.now",
      "new Date",
      "performance.now",
      "process.hrtime",
      "timers",
      "queueMicrotask",
      "async",
      "await",
    ]);
  });

  it("catch an import of an I/O module", () => {
    expect(bannedIn('import { readFileSync } from "node:fs";')).toEqual(["I/O modules"]);
    expect(bannedIn("import { Worker } from 'node:worker_threads';")).toEqual(["I/O modules"]);
  });

  it("ignore comments and strings", () => {
    const text = [
      "// never Math.random() or Date.now() here",
      "/* no setTimeout either */",
      'const mode = "async";',
      "const why = `await the next heartbeat`;",
      'const path = "node:fs";',
    ].join("\n");
    expect(bannedIn(text)).toEqual([]);
  });
});
