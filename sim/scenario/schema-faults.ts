// The faults of a scenario's schedule and its random `chaos` (schedule.ts and chaos.ts build
// them): each fault kind's own strict object (model/faults/<kind>.ts), named after the builders
// that make it, so an error points at the builder's arguments.
import * as z from "zod";
import { delayRange, duration, listChoices, strict, timeRange } from "../dsl/index.ts";
import { faultKinds, faults, type ParsedFault } from "../model/index.ts";

const target = z.string({ error: "a name" });

/** A fault of any kind: the kinds' own schemas, told apart by `kind`. */
export const faultSchema = z.discriminatedUnion(
  "kind",
  faultKinds.map((kind) => faults[kind].schema) as unknown as [z.ZodObject, ...z.ZodObject[]],
  {
    error: `a fault made with ${listChoices(
      faultKinds.flatMap((kind) => faults[kind].builders),
      false,
    )}`,
  },
) as unknown as z.ZodType<ParsedFault>;

export const scheduledFaultSchema = strict(
  { at: timeRange, fault: faultSchema },
  `at(time, fault)`,
);

const chaosEpisodes = strict(
  {
    every: duration({ positive: true }),
    for: delayRange,
    nodes: z.array(target).min(1).optional(),
  },
  `episodes like { every: "1h", for: "2s..20s" }`,
);
export const chaosSchema = strict(
  {
    kind: z.literal("chaos").optional(),
    crash: strict(
      {
        mtbf: duration({ positive: true }),
        mttr: duration({ positive: true }),
        nodes: z.array(target).min(1).optional(),
      },
      `crashes like { mtbf: "720h", mttr: "2h" }`,
    ).optional(),
    blip: chaosEpisodes.optional(),
    pause: chaosEpisodes.optional(),
  },
  "chaos({ crash, blip, pause })",
);
