// The shapes of the options of a node and of a client group that belong to one mechanism each:
// a restart policy's back-off (model/restart-policy.ts), an autoscaled fleet
// (model/autoscaler.ts), a circuit breaker (model/circuit-breaker.ts). Shapes only, as in
// schema.ts; their defaults are in defaults.ts.
import * as z from "zod";
import { countAtLeastOne, duration, rate, strict } from "../dsl/index.ts";

export const restartBackOffSchema = strict(
  {
    initial: duration({ positive: true }).optional(),
    max: duration({ positive: true }).optional(),
    resetAfter: duration({ positive: true }).optional(),
  },
  `a restart back-off like { initial: "10s", max: "5m", resetAfter: "10m" }`,
);

export const autoscaleSchema = strict(
  {
    instance: rate,
    targetUtilization: z
      .number({ error: "a fraction above 0 and at most 1" })
      .gt(0, { error: "a fraction above 0 and at most 1" })
      .max(1, { error: "a fraction above 0 and at most 1" })
      .optional(),
    period: duration({ positive: true }).optional(),
    periods: countAtLeastOne.optional(),
    launchIn: duration().optional(),
    maxInstances: countAtLeastOne.optional(),
  },
  `autoscaling like { instance: "100/s", targetUtilization: 0.6, launchIn: "5m" }`,
);

const wholeAtLeastOne = "a whole number, at least 1";
export const breakerSchema = strict(
  {
    errorThresholdPercentage: z
      .number({ error: "a percentage from 0 to 100" })
      .min(0, { error: "a percentage from 0 to 100" })
      .max(100, { error: "a percentage from 0 to 100" })
      .optional(),
    resetTimeout: duration({ positive: true }).optional(),
    rollingCountTimeout: duration({ positive: true }).optional(),
    rollingCountBuckets: z
      .number({ error: wholeAtLeastOne })
      .int({ error: wholeAtLeastOne })
      .min(1, { error: wholeAtLeastOne })
      .optional(),
    volumeThreshold: z
      .number({ error: "a whole number, 0 or more" })
      .int({ error: "a whole number, 0 or more" })
      .min(0, { error: "a whole number, 0 or more" })
      .optional(),
    fallback: z.boolean({ error: "true or false" }).optional(),
  },
  'a circuit breaker like { errorThresholdPercentage: 50, resetTimeout: "30s", fallback: true }',
);
