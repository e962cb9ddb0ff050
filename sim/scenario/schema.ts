// The shape of a scenario file, as a zod 4 schema: strict objects (an unknown key is an error that
// lists the allowed ones), durations and rates parsed to microseconds and per-second numbers, and
// every message phrased as what was expected. Only the shape of each field is checked here; rules
// that relate fields (one primary, quorum ≤ monitors, fault names) live in resolve.ts. Defaults
// are not filled in here either: they come from defaults.ts and the kinds' modules during
// resolution. The value types are in dsl/values.ts; the detector, fencing, failback, rejoin and routing
// fields are each kind's own (model/<registry>/<kind>.ts); the faults and chaos are in
// schema-faults.ts, `expect` in schema-expect.ts, the teaching fields in teaching.ts.
import * as z from "zod";
import {
  arrivalChoices,
  detectorKinds,
  failbackChoices,
  fencingChoices,
  nodeRoles,
  readFromChoices,
  readinessChoices,
  rejoinChoices,
  replicationModes,
  restartPolicies,
  sessionStores,
} from "./choices.ts";
import {
  detectorFields,
  failbackFields,
  fencingFields,
  intervalJitterSchema,
  latencySchema,
  rejoinFields,
  routingKindOf,
  routingKinds,
  type ParsedRouting,
} from "../model/index.ts";
import { presetNames } from "./presets/index.ts";
import { expectSchema } from "./schema-expect.ts";
import { autoscaleSchema, breakerSchema, restartBackOffSchema } from "./schema-options.ts";
import { chaosSchema, faultSchema, scheduledFaultSchema } from "./schema-faults.ts";
import { teachingSchema } from "./teaching.ts";
import {
  countAtLeastOne,
  delayRange,
  duration,
  durationOrUnlimited,
  fraction,
  linkKeyExpectation,
  linkKeyPattern,
  listChoices,
  name,
  oneOf,
  probability,
  rate,
  rateOrUnlimited,
  strict,
} from "../dsl/index.ts";

export { chaosSchema, expectSchema, faultSchema, scheduledFaultSchema };
export { isName, linkKeyExpectation, nameExpectation, namePattern } from "../dsl/index.ts";

export const nodeSchema = strict(
  {
    role: oneOf(nodeRoles),
    zone: name.optional(),
    readiness: oneOf(readinessChoices).optional(),
    promoteIn: duration().optional(),
    costPerHour: z
      .number({ error: "a cost of 0 or more" })
      .min(0, { error: "a cost of 0 or more" })
      .optional(),
    applyRate: rateOrUnlimited.optional(),
    capacity: rateOrUnlimited.optional(),
    queueLimit: duration().optional(),
    applyEvery: duration().optional(),
    warmUp: duration().optional(),
    warmUpCapacity: fraction.optional(),
    bootIn: duration().optional(),
    restoreIn: duration().optional(),
    backupEvery: duration({ positive: true }).optional(),
    archiveEvery: duration().optional(),
    restartPolicy: oneOf(restartPolicies).optional(),
    restartBackOff: restartBackOffSchema.optional(),
    serves: z.array(name, { error: 'a list of client group names, like ["payments"]' }).optional(),
    autoscale: autoscaleSchema.optional(),
  },
  "a node",
);

const linkSettings = {
  latency: latencySchema.optional(),
  jitter: duration().optional(),
  loss: probability.optional(),
  bandwidth: rateOrUnlimited.optional(),
  reorder: z.boolean({ error: "true or false" }).optional(),
};

export const linkKeySchema = z.string().regex(linkKeyPattern, { error: linkKeyExpectation });

/** Link keys are free-form, so `--set network.links.<new key>.latency=…` may create an entry. */
export const linksSchema = z.record(linkKeySchema, strict(linkSettings, "link settings"));

export const networkSchema = strict(
  { ...linkSettings, links: linksSchema.optional() },
  "network settings",
);

const standbyCount = "a whole number of standbys, at least 1";
export const replicationSchema = strict(
  {
    mode: oneOf(replicationModes).optional(),
    lag: duration().optional(),
    shipWindow: duration().optional(),
    applyDelay: duration().optional(),
    statusInterval: duration({ positive: true }).optional(),
    waitFor: z
      .number({ error: standbyCount })
      .int({ error: standbyCount })
      .min(1, { error: standbyCount })
      .optional(),
    semiSyncTimeout: duration({ positive: true }).optional(),
    minInsync: z
      .number({ error: "a whole number of replicas, at least 1" })
      .int({ error: "a whole number of replicas, at least 1" })
      .min(1, { error: "a whole number of replicas, at least 1" })
      .optional(),
    lagTimeMax: duration({ positive: true }).optional(),
  },
  "replication settings",
);

/** Every detector kind's fields (model/detectors/<kind>.ts); those of other kinds are ignored,
 *  so a scenario can be swept across kinds. The rounds' jitter is every kind's (rounds.ts). */
export const detectorSchema = strict(
  {
    kind: oneOf(detectorKinds).optional(),
    ...detectorFields,
    intervalJitter: intervalJitterSchema.optional(),
  },
  "detector settings",
);

const leaseSchema = strict(
  {
    ttl: duration({ positive: true }).optional(),
    renewEvery: duration({ positive: true }).optional(),
    retryTimeout: duration({ positive: true }).optional(),
  },
  "lease settings",
);

/** "10m" or a uniform range "5m..15m". */

const operatorSchema = strict(
  { delay: delayRange.optional(), errorProbability: probability.optional() },
  "operator settings",
);

const wholeCount = "a whole number of monitors, at least 1";
export const failoverSchema = strict(
  {
    automatic: z.boolean({ error: "true or false" }).optional(),
    quorum: z
      .number({ error: wholeCount })
      .int({ error: wholeCount })
      .min(1, { error: wholeCount })
      .optional(),
    fencing: oneOf(fencingChoices).optional(),
    failback: oneOf(failbackChoices).optional(),
    flapWindow: duration().optional(),
    maxLagOnFailover: durationOrUnlimited.optional(),
    ...failbackFields,
    rejoin: oneOf(rejoinChoices).optional(),
    ...rejoinFields,
    blockFor: duration().optional(),
    crossZone: z.boolean({ error: "true or false" }).optional(),
    uncleanElection: z.boolean({ error: "true or false" }).optional(),
    lease: leaseSchema.optional(),
    ...fencingFields,
    operator: operatorSchema.optional(),
  },
  "failover settings",
);

/** A whole policy (presets.<name>() makes one): the same pieces as the scenario's own fields. */
export const policySchema = strict(
  {
    preset: oneOf(presetNames).optional(),
    detector: detectorSchema.optional(),
    replication: replicationSchema.optional(),
    failover: failoverSchema.optional(),
    standby: strict(
      { promoteIn: duration().optional(), readiness: oneOf(readinessChoices).optional() },
      "standby settings",
    ).optional(),
  },
  "a policy like presets.patroni()",
);

/** A client group's routing, each routing kind's own form (model/routing/<kind>.ts): the kinds
 *  written as a word, then those written as an object keyed by the kind. */
const routingSchema = (() => {
  const modules = routingKinds.map((kind) => routingKindOf(kind));
  const words = modules.flatMap((module) => ("word" in module.form ? [module.form.word] : []));
  const objects = modules.flatMap((module) =>
    "key" in module.form
      ? [strict({ [module.form.key]: module.form.schema }, module.form.label)]
      : [],
  );
  const examples = [
    ...modules.filter((module) => "word" in module.form),
    ...modules.filter((module) => "key" in module.form),
  ].map((module) => module.example);
  return z.union([oneOf(words as [string, ...string[]]), ...objects], {
    error: listChoices(examples, false),
  }) as unknown as z.ZodType<ParsedRouting>;
})();

export const clientSchema = strict(
  {
    name: name.optional(),
    writes: rate,
    reads: rate.optional(),
    readFrom: oneOf(readFromChoices).optional(),
    readRecheck: duration().optional(),
    zone: name.optional(),
    routing: routingSchema.optional(),
    sessions: strict(
      { users: countAtLeastOne, store: oneOf(sessionStores).optional() },
      `sessions like { users: 300, store: "memory" }`,
    ).optional(),
    timeout: duration({ positive: true }).optional(),
    arrivals: oneOf(arrivalChoices).optional(),
    connections: z
      .number({ error: "a whole number, at least 1" })
      .int({ error: "a whole number, at least 1" })
      .min(1, { error: "a whole number, at least 1" })
      .optional(),
    retries: z
      .number({ error: "a whole number, 0 or more" })
      .int({ error: "a whole number, 0 or more" })
      .min(0, { error: "a whole number, 0 or more" })
      .optional(),
    backoff: duration().optional(),
    reconnectIn: duration().optional(),
    breaker: breakerSchema.optional(),
  },
  "a client group",
);

export const scenarioSchema = strict(
  {
    name,
    summary: z
      .string({ error: "a one-line summary" })
      .regex(/^[^\n]*\S[^\n]*$/, { error: "a one-line summary" }),
    duration: duration({ positive: true }),
    seed: z
      .number({ error: "a whole number from 0 to 2^53 - 1" })
      .int({ error: "a whole number from 0 to 2^53 - 1" })
      .min(0, { error: "a whole number from 0 to 2^53 - 1" })
      .optional(),
    nodes: z.record(name, nodeSchema, {
      error: 'an object of nodes by name, like { db1: { role: "primary" } }',
    }),
    network: networkSchema.optional(),
    policy: policySchema.optional(),
    replication: replicationSchema.optional(),
    detector: detectorSchema.optional(),
    failover: failoverSchema.optional(),
    clients: z
      .union([clientSchema, z.array(clientSchema)], {
        error: 'a client group like { writes: "200/s" } or a list of them',
      })
      .optional(),
    faults: z
      .array(scheduledFaultSchema, { error: `a list of faults, like [at("2m", crash("db1"))]` })
      .optional(),
    chaos: chaosSchema.optional(),
    expect: expectSchema.optional(),
    ...teachingSchema,
  },
  "a scenario made with defineScenario({...})",
);

/** A scenario after the shape check: durations in µs, rates per second, defaults still missing. */
export type ParsedScenario = z.output<typeof scenarioSchema>;
export type ParsedClient = z.output<typeof clientSchema>;
export type ParsedFault = z.output<typeof faultSchema>;
