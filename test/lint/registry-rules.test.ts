// The registry rule: pieces are read from the kind's interface (methods, strings, arrays, values,
// null where the type allows it, empty where the piece's doc says so), and a registry is caught
// missing a kind its type names, an entry missing a piece or holding an empty one, and an entry
// under another kind's name.
import { describe, expect, it } from "vitest";
import {
  constRegistriesIn,
  piecesOf,
  registryProblems,
  type RegistryCheck,
} from "../../scripts/lint/registry-rules.ts";

const kindInterface = `
export interface KindModule<Config> {
  readonly name: string;
  /** Its builders. */
  readonly builders: readonly string[];
  readonly fields: Config;
  /** Why, appended ("" when there is nothing to say). */
  readonly why: string;
  readonly source: string | null;
  readonly hint?: string;
  describe(config: Config): string;
  readonly draw: (seed: number) => Config;
}`;

const pieces = piecesOf(kindInterface, "KindModule");

const good = {
  name: "crash",
  builders: ["crash()"],
  fields: {},
  why: "",
  source: null,
  describe: () => "crashes",
  draw: () => ({}),
};

function problems(value: unknown, extra: Partial<RegistryCheck> = {}): string[] {
  const check = { file: "kinds.ts", name: "kinds", value, pieces, ...extra };
  return registryProblems(check).map((violation) => violation.message);
}

describe("the registry rule", () => {
  it("reads each required piece's shape from the interface", () => {
    expect(pieces).toEqual([
      { name: "name", shape: "string", nullable: false, mayBeEmpty: false },
      { name: "builders", shape: "array", nullable: false, mayBeEmpty: false },
      { name: "fields", shape: "value", nullable: false, mayBeEmpty: false },
      { name: "why", shape: "string", nullable: false, mayBeEmpty: true },
      { name: "source", shape: "string", nullable: true, mayBeEmpty: false },
      { name: "describe", shape: "function", nullable: false, mayBeEmpty: false },
      { name: "draw", shape: "function", nullable: false, mayBeEmpty: false },
    ]);
  });

  it("passes a complete registry", () => {
    expect(problems({ crash: good }, { selfName: "name", names: ["crash"] })).toEqual([]);
  });

  it("catches a missing piece, an empty one and a piece of the wrong shape", () => {
    const { describe: _, ...withoutDescribe } = good;
    expect(
      problems({
        crash: withoutDescribe,
        pause: { ...good, builders: [], name: "" },
        heal: { ...good, draw: "later", source: undefined },
      }),
    ).toEqual([
      "kinds: crash lacks describe",
      "kinds: pause name is empty",
      "kinds: pause builders is empty",
      "kinds: heal lacks source",
      "kinds: heal draw is not a function",
    ]);
  });

  it("catches a kind its type names without an entry, and an entry its type does not name", () => {
    expect(problems({ crash: good, slow: good }, { names: ["crash", "pause"] })).toEqual([
      "kinds: no entry for pause, which its type names",
      "kinds: slow is not a name its type lists",
    ]);
    expect(problems({ pause: good, crash: good }, { names: ["crash", "pause"] })).toEqual([
      "kinds: its order is not its type's: crash, pause",
    ]);
  });

  it("catches an entry under another kind's name, in a map or a list", () => {
    expect(problems({ pause: good }, { selfName: "name" })).toEqual([
      'kinds: pause: its name is "crash"',
    ]);
    expect(problems([good], { nameKey: "name", names: ["crash", "pause"] })).toEqual([
      "kinds: no entry for pause, which its type names",
    ]);
  });

  it("runs a registry's own entry check", () => {
    const entryProblems = (name: string) => (name === "pause" ? ["draws nothing"] : []);
    expect(problems({ crash: good, pause: good }, { entryProblems })).toEqual([
      "kinds: pause draws nothing",
    ]);
  });

  it("finds the const registries an index.ts declares", () => {
    const text = [
      "export const faults = { crash, pause } as const;",
      "export const columns = [a, b] as const;",
      "export const checked = { a } as const satisfies Record<string, unknown>;",
      "export const kinds = Object.keys(faults);",
      "const local = { a } as const;",
      'export const name = "x" as const;',
    ].join("\n");
    expect(constRegistriesIn(text)).toEqual(["faults", "columns", "checked"]);
  });
});
