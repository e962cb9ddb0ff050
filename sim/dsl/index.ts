// The scenario language's values, below the model: durations, rates, names and link keys, the
// zod schemas that read them, the endpoints a scenario's names stand for, and the error a bad
// scenario produces (every problem at once, each naming file and field). Kind modules in the
// model (model/faults, model/detectors, …) define their own schema and resolution with these;
// the scenario layer composes them. Nothing here knows about failover.
export * from "./duration.ts";
export * from "./duration-text.ts";
export * from "./rate.ts";
export * from "./errors.ts";
export * from "./values.ts";
export * from "./endpoints.ts";
export * from "./link-key.ts";
export * from "./spoken.ts";
export * from "./draw-values.ts";
