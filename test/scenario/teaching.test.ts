// The teaching fields (teaching.ts): story, lesson and questions go together, each is bounded,
// every problem is reported at once naming the file and the field, and the key figures come from
// the scenario, else from what its expect names, else the defaults.
import { describe, expect, it } from "vitest";
import { resolveScenario } from "../../sim/scenario/index.ts";
import { keyFigures, teachingLimits } from "../../sim/scenario/teaching.ts";
import { baseScenario, file, scenarioErrorOf } from "./scenario-helpers.ts";

const questions = [
  { q: "Why?", a: "Because." },
  { q: "What else?", a: "Fencing." },
];

describe("teaching fields", () => {
  it("resolve to the story, lesson, questions and three key figures", () => {
    const scenario = {
      ...baseScenario(),
      story: "db1 crashes.",
      lesson: "Fence.",
      questions,
      keyFigures: ["lostWrites" as const],
      expect: { splitBrainS: { min: 1 }, lostWrites: 0 },
    };
    expect(resolveScenario(scenario, { file }).teaching).toEqual({
      story: "db1 crashes.",
      lesson: "Fence.",
      questions,
      keyFigures: ["lost_writes", "split_brain_s", "downtime_s"],
    });
  });

  it("are optional: a scenario without them has no story and the default key figures", () => {
    expect(resolveScenario(baseScenario(), { file }).teaching).toEqual({
      story: null,
      lesson: null,
      questions: [],
      keyFigures: ["downtime_s", "lost_writes", "false_failovers"],
    });
  });

  it("report every problem at once, each naming the file and the field", () => {
    const error = scenarioErrorOf(() =>
      resolveScenario(
        {
          ...baseScenario(),
          lesson: "two\nlines",
          questions: [{ q: "only one", a: "" }],
          keyFigures: ["lostWrites", "lostWrites", "nope"],
          story: "x".repeat(teachingLimits.storyChars + 1),
        },
        { file },
      ),
    );
    const fields = error.problems.map((problem) => problem.field);
    expect(fields).toEqual(
      expect.arrayContaining(["lesson", "questions", "questions[0].a", "keyFigures[2]", "story"]),
    );
    for (const problem of error.problems) expect(problem.file).toBe(file);
    expect(error.message).toContain("one sentence on one line of at most 400 characters");
    expect(error.message).toContain("a short paragraph of at most 2,000 characters");
  });

  it("go together: a story without a lesson or questions names each missing field", () => {
    const error = scenarioErrorOf(() =>
      resolveScenario({ ...baseScenario(), story: "db1 crashes." }, { file }),
    );
    expect(error.problems.map((problem) => problem.field)).toEqual(["lesson", "questions"]);
    expect(error.message).toContain(`${file}: lesson: expected a lesson beside the story`);
  });

  it("key figures: named first, then the metrics expect bounds, then the defaults, each once", () => {
    expect(keyFigures(undefined, { checks: {}, rtoS: { max: 5 } })).toEqual([
      "rto_s",
      "downtime_s",
      "lost_writes",
    ]);
    expect(keyFigures(["downtimeS", "rpoS"], { downtimeS: 0, flaps: 0 })).toEqual([
      "downtime_s",
      "rpo_s",
      "flaps",
    ]);
  });
});
