// What a scenario teaches, as fields of the DSL: `story` (what happens and why, a short
// paragraph), `lesson` (one sentence), `questions` (what an interviewer would ask, each with the
// answer the run demonstrates) and `keyFigures` (the metrics a report shows first). The first
// three go together: a scenario that has one has all three. Bounded so that a runaway string or
// list stops at a named limit. The key figures of a scenario without `keyFigures` are the metrics
// its `expect` names, else a default set; always three distinct summary columns. Pure: no I/O.
import * as z from "zod";
import { groupThousands, reportAt, strict, type ResolveContext } from "../dsl/index.ts";
import { columnOf, metricNames, type MetricColumn, type MetricName } from "./metric-names.ts";

/** A question and its answer, as `sim list --json` and report.html show them. */
export interface TeachingQuestion {
  q: string;
  a: string;
}

/** The teaching fields as a scenario writes them (define.ts includes these in `Scenario`). */
export interface TeachingSpec {
  /** What happens in this run and why: a short paragraph (at most 2,000 characters). */
  story?: string;
  /** The lesson in one sentence, on one line. */
  lesson?: string;
  /** At least 2 (at most 8) questions an interviewer would ask, each `{ q, a }` with the answer
   *  this run demonstrates. */
  questions?: TeachingQuestion[];
  /** The metrics report.html shows first, by camelCase name (at most 3), e.g.
   *  `["splitBrainS", "lostWrites", "downtimeS"]`. Default: the metrics `expect` names, then
   *  downtime, lost writes and false failovers. */
  keyFigures?: MetricName[];
}

/** A scenario's teaching, resolved: null fields when it has none. */
export interface Teaching {
  story: string | null;
  lesson: string | null;
  questions: TeachingQuestion[];
  /** Three distinct summary columns, the report's key figures in order. */
  keyFigures: MetricColumn[];
}

export const teachingLimits = {
  storyChars: 2000,
  lessonChars: 400,
  questions: 8,
  questionChars: 1000,
  keyFigures: 3,
} as const;

/** Shown when a scenario names none and its expect names fewer than three. */
export const defaultKeyFigures: readonly MetricColumn[] = [
  "downtime_s",
  "lost_writes",
  "false_failovers",
];

function text(what: string, maxChars: number, oneLine = false) {
  const expectation = `${what} of at most ${groupThousands(maxChars)} characters`;
  const pattern = oneLine ? /^[^\n]*\S[^\n]*$/ : /\S/;
  return z
    .string({ error: expectation })
    .regex(pattern, { error: expectation })
    .max(maxChars, { error: expectation });
}

const questionSchema = strict(
  {
    q: text("a question", teachingLimits.questionChars),
    a: text("its answer", teachingLimits.questionChars),
  },
  `a question like { q: "Why …?", a: "Because …" }`,
);
const questionsExpectation = `a list of 2 to ${teachingLimits.questions} questions like { q: "Why …?", a: "Because …" }`;
const figuresExpectation = `a list of 1 to ${teachingLimits.keyFigures} metric names like ["lostWrites", "downtimeS"]`;

/** The teaching fields of scenarioSchema. */
export const teachingSchema = {
  story: text("a short paragraph", teachingLimits.storyChars).optional(),
  lesson: text("one sentence on one line", teachingLimits.lessonChars, true).optional(),
  questions: z
    .array(questionSchema, { error: questionsExpectation })
    .min(2, { error: questionsExpectation })
    .max(teachingLimits.questions, { error: questionsExpectation })
    .optional(),
  keyFigures: z
    .array(
      z.enum(metricNames as [MetricName, ...MetricName[]], {
        error: `a metric name: ${metricNames.join(", ")}`,
      }),
      { error: figuresExpectation },
    )
    .min(1, { error: figuresExpectation })
    .max(teachingLimits.keyFigures, { error: figuresExpectation })
    .refine((names) => new Set(names).size === names.length, {
      error: `${figuresExpectation}, each named once`,
    })
    .optional(),
};

const together = ["story", "lesson", "questions"] as const;

/** The teaching of a checked scenario; a story without its lesson or questions (or the like) is
 *  reported, naming each missing field. */
export function resolveTeaching(
  spec: TeachingSpec & { expect?: object },
  context: ResolveContext,
): Teaching {
  const present = together.filter((field) => spec[field] !== undefined);
  if (present.length > 0) {
    for (const field of together.filter((field) => spec[field] === undefined))
      reportAt(
        context,
        [field],
        `a ${field} beside the ${present.join(" and ")} (a teaching scenario has story, lesson and questions)`,
        "nothing",
      );
  }
  return {
    story: spec.story ?? null,
    lesson: spec.lesson ?? null,
    questions: spec.questions ?? [],
    keyFigures: keyFigures(spec.keyFigures, spec.expect),
  };
}

/** Named figures first, then what `expect` bounds (in its order), then the defaults. */
export function keyFigures(
  named: readonly MetricName[] | undefined,
  expect: object | undefined,
): MetricColumn[] {
  const fromExpect = Object.keys(expect ?? {}).flatMap((key) => {
    const column = columnOf(key);
    return column === undefined ? [] : [column];
  });
  const chosen: MetricColumn[] = [];
  for (const column of [
    ...(named ?? []).map((name) => columnOf(name)!),
    ...fromExpect,
    ...defaultKeyFigures,
  ]) {
    if (chosen.length < teachingLimits.keyFigures && !chosen.includes(column)) chosen.push(column);
  }
  return chosen;
}
