import { describe, expect, it } from "vitest";
import {
  closestChoice,
  describeValue,
  formatPath,
  listChoices,
  ScenarioError,
} from "../../sim/dsl/index.ts";

describe("ScenarioError", () => {
  it("is one paragraph naming file, field, expectation and what was found", () => {
    const error = new ScenarioError({
      file: "scenarios/x.ts",
      field: "faults[1].at",
      expected: "a time within the run (duration 10m)",
      got: '"12m"',
    });
    expect(error.message).toBe(
      `scenarios/x.ts: faults[1].at: expected a time within the run (duration 10m), got "12m".`,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ScenarioError");
    expect([error.file, error.field, error.expected, error.got]).toEqual([
      "scenarios/x.ts",
      "faults[1].at",
      "a time within the run (duration 10m)",
      '"12m"',
    ]);
  });

  it("leaves out the field for file-wide problems and 'got' when there is nothing to show", () => {
    expect(new ScenarioError({ file: "a.ts", field: "", expected: "a module" }).message).toBe(
      "a.ts: expected a module.",
    );
  });
});

describe("helpers", () => {
  it("formatPath uses dots for keys and brackets for indexes", () => {
    expect(formatPath(["faults", 2, "fault", "groups", 1, 0])).toBe("faults[2].fault.groups[1][0]");
    expect(formatPath(["network", "links", "east<->west", "latency"])).toBe(
      "network.links.east<->west.latency",
    );
    expect(formatPath([])).toBe("");
  });

  it("describeValue quotes strings and shortens long values", () => {
    expect(describeValue("5 sex")).toBe('"5 sex"');
    expect(describeValue(3)).toBe("3");
    expect(describeValue(undefined)).toBe("nothing");
    expect(describeValue({ a: [1] })).toBe('{"a":[1]}');
    expect(describeValue(() => 1)).toBe("a function");
    expect(describeValue("x".repeat(200))).toHaveLength(80);
  });

  it("listChoices reads as a sentence", () => {
    expect(listChoices(["hot"])).toBe('"hot"');
    expect(listChoices(["async", "sync"])).toBe('"async" or "sync"');
    expect(listChoices(["a", "b", "c"], false)).toBe("a, b or c");
  });

  it("closestChoice guesses likely typos only", () => {
    expect(closestChoice("timeoutt", ["kind", "interval", "timeout"])).toBe("timeout");
    expect(closestChoice("zon", ["role", "zone"])).toBe("zone");
    expect(closestChoice("banana", ["kind", "interval", "timeout"])).toBeUndefined();
  });
});
