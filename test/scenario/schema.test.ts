// The hand-written DSL types (define.ts, what editors show) and the zod schema (what is enforced)
// must describe the same thing; these checks run under `tsc --noEmit` and at test time.
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { defineScenario, type Scenario } from "../../sim/scenario/index.ts";
import { scenarioSchema } from "../../sim/scenario/schema.ts";
import { baseScenario } from "./scenario-helpers.ts";

describe("the DSL types and the schema agree", () => {
  it("every scenario the types allow has the schema's input shape", () => {
    expectTypeOf<Scenario>().toExtend<z.input<typeof scenarioSchema>>();
  });

  it("the schema knows every top-level key of the types", () => {
    const typed: Record<keyof Scenario, true> = {
      name: true,
      summary: true,
      duration: true,
      seed: true,
      nodes: true,
      network: true,
      policy: true,
      replication: true,
      detector: true,
      failover: true,
      clients: true,
      faults: true,
      chaos: true,
      expect: true,
      story: true,
      lesson: true,
      questions: true,
      keyFigures: true,
    };
    expect(Object.keys(scenarioSchema.shape).sort()).toEqual(Object.keys(typed).sort());
  });

  it("defineScenario is the identity", () => {
    const scenario = baseScenario();
    expect(defineScenario(scenario)).toBe(scenario);
  });

  it("the types catch common mistakes in the editor", () => {
    defineScenario({
      ...baseScenario(),
      // @ts-expect-error durations carry a unit
      duration: "10",
    });
    defineScenario({
      ...baseScenario(),
      // @ts-expect-error unknown roles are rejected
      nodes: { db1: { role: "replica" } },
    });
    defineScenario({
      ...baseScenario(),
      // @ts-expect-error expect keys are metric names
      expect: { lostWrite: 0 },
    });
  });
});
