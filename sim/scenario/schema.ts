// The shape of a scenario file, as a zod 4 schema: strict objects (an unknown key is an error that
// lists the allowed ones), durations and rates parsed to microseconds and per-second numbers, and
// every message phrased as what was expected. Only the shape of each field is checked here; rules
// that relate fields (one primary, quorum ≤ monitors, fault names) live in resolve.ts. Defaults
// are not filled in here either: they come from defaults.ts during resolution.
import { z } from "zod";
import {
  arrivalChoices,
  detectorKinds,
  failbackChoices,
  fencingChoices,
  nodeRoles,
  readFromChoices,
  readinessChoices,
  replicationModes,
  routingChoices,
  sessionStores,
} from "./choices.ts";
import { durationExpectation, readDuration } from "./duration.ts";
import { listChoices } from "./errors.ts";
import { metricNames, type MetricName } from "./metric-names.ts";
import { presetNames } from "./presets/index.ts";
import { rateExpectation, readRate } from "./rate.ts";

// Names start with a letter so that JavaScript never reorders them (integer-like object keys
// come first), and contain no "." or ">" so they survive dotted --set paths and link keys.
export const namePattern = /^[A-Za-z][A-Za-z0-9_-]*$/;
export const nameExpectation = `a name of letters, digits, "-" and "_" that starts with a letter`;
const scenarioNamePattern = /^[a-z0-9_-]+$/;
const linkKeyPattern = /^([A-Za-z][A-Za-z0-9_-]*)(<->|->)([A-Za-z][A-Za-z0-9_-]*)$/;
export const linkKeyExpectation = `a link like "east<->west" (both ways) or "db1->db2" (one way)`;

/** A strict object whose wrong-type message lists its keys; unknown keys are reported by issues.ts. */
function strict<Shape extends z.ZodRawShape>(shape: Shape, what = "an object") {
  const keys = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? undefined : `${what} with the keys ${keys}`),
  });
}

function oneOf<const Choices extends readonly [string, ...string[]]>(choices: Choices) {
  return z.enum(choices, { error: listChoices(choices) });
}

/** A duration string, parsed to whole microseconds. */
function duration({ positive = false } = {}) {
  return z.string({ error: durationExpectation }).transform((text, context) => {
    const reading = readDuration(text);
    if (!reading.ok) {
      context.addIssue({ code: "custom", message: reading.expected });
      return z.NEVER;
    }
    if (positive && reading.us === 0) {
      context.addIssue({ code: "custom", message: `a duration greater than zero, like "3s"` });
      return z.NEVER;
    }
    return reading.us;
  });
}

const rate = z.string({ error: rateExpectation }).transform((text, context) => {
  const reading = readRate(text);
  if (!reading.ok) {
    context.addIssue({ code: "custom", message: reading.expected });
    return z.NEVER;
  }
  return reading.perSecond;
});

/** A rate, or "unlimited" (Infinity) for a throughput with no cap. */
const rateOrUnlimited = z.string({ error: `${rateExpectation}, or "unlimited"` }).transform((text, context) => {
  if (text === "unlimited") return Infinity;
  const reading = readRate(text);
  if (!reading.ok || reading.perSecond === 0) {
    context.addIssue({ code: "custom", message: `a rate above zero like "5000/s", or "unlimited"` });
    return z.NEVER;
  }
  return reading.perSecond;
});

/** A duration, or "unlimited" (Infinity). */
const durationOrUnlimited = z.union([z.literal("unlimited").transform(() => Infinity), duration()], {
  error: `${durationExpectation}, or "unlimited"`,
});

const fraction = z
  .number({ error: "a fraction from 0 to 1" })
  .min(0, { error: "a fraction from 0 to 1" })
  .max(1, { error: "a fraction from 0 to 1" });

const name = z.string({ error: nameExpectation }).regex(namePattern, { error: nameExpectation });
const probability = z
  .number({ error: "a probability from 0 to 1" })
  .min(0, { error: "a probability from 0 to 1" })
  .max(1, { error: "a probability from 0 to 1" });

export const nodeSchema = strict(
  {
    role: oneOf(nodeRoles),
    zone: name.optional(),
    readiness: oneOf(readinessChoices).optional(),
    promoteIn: duration().optional(),
    costPerHour: z.number({ error: "a cost of 0 or more" }).min(0, { error: "a cost of 0 or more" }).optional(),
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
  },
  "a node",
);

const linkSettings = {
  latency: duration().optional(),
  jitter: duration().optional(),
  loss: probability.optional(),
  bandwidth: rateOrUnlimited.optional(),
};

export const linkKeySchema = z.string().regex(linkKeyPattern, { error: linkKeyExpectation });

/** Link keys are free-form, so `--set network.links.<new key>.latency=…` may create an entry. */
export const linksSchema = z.record(linkKeySchema, strict(linkSettings, "link settings"));

export const networkSchema = strict({ ...linkSettings, links: linksSchema.optional() }, "network settings");

const standbyCount = "a whole number of standbys, at least 1";
export const replicationSchema = strict(
  {
    mode: oneOf(replicationModes).optional(),
    lag: duration().optional(),
    applyDelay: duration().optional(),
    statusInterval: duration({ positive: true }).optional(),
    waitFor: z.number({ error: standbyCount }).int({ error: standbyCount }).min(1, { error: standbyCount }).optional(),
    semiSyncTimeout: duration({ positive: true }).optional(),
  },
  "replication settings",
);

const wholeAtLeastOne = "a whole number, at least 1";
const countAtLeastOne = z.number({ error: wholeAtLeastOne }).int({ error: wholeAtLeastOne }).min(1, { error: wholeAtLeastOne });
const positiveNumber = z.number({ error: "a number above 0" }).positive({ error: "a number above 0" });

/** Every detector's fields; those of other kinds are ignored, so a scenario can be swept across kinds. */
export const detectorSchema = strict(
  {
    kind: oneOf(detectorKinds).optional(),
    interval: duration({ positive: true }).optional(),
    timeout: duration({ positive: true }).optional(),
    probeTimeout: duration({ positive: true }).optional(),
    failures: countAtLeastOne.optional(),
    successes: countAtLeastOne.optional(),
    threshold: positiveNumber.optional(),
    minStdDev: duration({ positive: true }).optional(),
    acceptablePause: duration().optional(),
    maxSamples: countAtLeastOne.optional(),
  },
  "detector settings",
);

const leaseSchema = strict(
  { ttl: duration({ positive: true }).optional(), renewEvery: duration({ positive: true }).optional(), retryTimeout: duration({ positive: true }).optional() },
  "lease settings",
);

const stonithSchema = strict(
  {
    delay: duration().optional(),
    duration: duration().optional(),
    timeout: duration({ positive: true }).optional(),
    failureProbability: probability.optional(),
    maxAttempts: countAtLeastOne.optional(),
  },
  "STONITH settings",
);

/** "10m" or a uniform range "5m..15m". */
const delayRange = z.string({ error: `a delay like "10m" or a range like "5m..15m"` }).transform((text, context) => {
  const parts = text.split("..");
  const readings = parts.map((part) => readDuration(part.trim()));
  if (parts.length > 2 || readings.some((reading) => !reading.ok)) {
    context.addIssue({ code: "custom", message: `a delay like "10m" or a range like "5m..15m"` });
    return z.NEVER;
  }
  const [low, high] = readings.map((reading) => (reading as { us: number }).us);
  if (high !== undefined && high < low) {
    context.addIssue({ code: "custom", message: `a range whose end is not before its start, like "5m..15m"` });
    return z.NEVER;
  }
  return { minUs: low, maxUs: high ?? low };
});

const operatorSchema = strict({ delay: delayRange.optional(), errorProbability: probability.optional() }, "operator settings");

const wholeCount = "a whole number of monitors, at least 1";
export const failoverSchema = strict(
  {
    automatic: z.boolean({ error: "true or false" }).optional(),
    quorum: z.number({ error: wholeCount }).int({ error: wholeCount }).min(1, { error: wholeCount }).optional(),
    fencing: oneOf(fencingChoices).optional(),
    failback: oneOf(failbackChoices).optional(),
    flapWindow: duration().optional(),
    maxLagOnFailover: durationOrUnlimited.optional(),
    holdDown: duration().optional(),
    blockFor: duration().optional(),
    crossZone: z.boolean({ error: "true or false" }).optional(),
    lease: leaseSchema.optional(),
    stonith: stonithSchema.optional(),
    minReplicas: countAtLeastOne.optional(),
    minReplicasMaxLag: duration({ positive: true }).optional(),
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
    standby: strict({ promoteIn: duration().optional(), readiness: oneOf(readinessChoices).optional() }, "standby settings").optional(),
  },
  "a policy like presets.patroni()",
);

const loadBalancerSchema = strict(
  {
    interval: duration({ positive: true }).optional(),
    timeout: duration({ positive: true }).optional(),
    rise: countAtLeastOne.optional(),
    fall: countAtLeastOne.optional(),
    servers: z.array(name, { error: `a list of server names, like ["web1", "web2"]` }).min(1, { error: "at least one server" }).optional(),
  },
  "load-balancer settings",
);

export const clientSchema = strict(
  {
    name: name.optional(),
    writes: rate,
    reads: rate.optional(),
    readFrom: oneOf(readFromChoices).optional(),
    readRecheck: duration().optional(),
    zone: name.optional(),
    routing: z
      .union(
        [
          oneOf(routingChoices),
          strict({ dns: strict({ ttl: duration(), ignoreTtl: probability.optional() }, "DNS settings") }, "DNS routing"),
          strict({ lb: loadBalancerSchema }, "load-balancer routing"),
        ],
        { error: `"proxy", "discovery", { dns: { ttl: "60s" } } or { lb: { interval: "2s", rise: 2, fall: 3 } }` },
      )
      .optional(),
    sessions: strict({ users: countAtLeastOne, store: oneOf(sessionStores).optional() }, `sessions like { users: 300, store: "memory" }`).optional(),
    timeout: duration({ positive: true }).optional(),
    arrivals: oneOf(arrivalChoices).optional(),
    connections: z.number({ error: "a whole number, at least 1" }).int({ error: "a whole number, at least 1" }).min(1, { error: "a whole number, at least 1" }).optional(),
    retries: z.number({ error: "a whole number, 0 or more" }).int({ error: "a whole number, 0 or more" }).min(0, { error: "a whole number, 0 or more" }).optional(),
    backoff: duration().optional(),
    reconnectIn: duration().optional(),
  },
  "a client group",
);

const groupsExpectation = `two or more groups of names, like ["east"], ["west"]`;
const groups = z
  .array(
    z.array(z.string({ error: "a name" }), { error: `a group of names, like ["db1", "east"]` }).min(1, { error: "a group with at least one name" }),
    { error: groupsExpectation },
  )
  .min(2, { error: groupsExpectation });

const target = z.string({ error: "a name" });
export const faultSchema = z.discriminatedUnion(
  "kind",
  [
    strict({ kind: z.literal("crash"), node: target }, "crash(node)"),
    strict({ kind: z.literal("restart"), node: target }, "restart(node)"),
    strict({ kind: z.literal("partition"), groups }, "partition(...groups)"),
    strict({ kind: z.literal("isolate"), target }, "isolate(target)"),
    strict({ kind: z.literal("heal") }, "heal()"),
    strict({ kind: z.literal("blip"), duration: duration({ positive: true }), groups }, "blip(duration, ...groups)"),
    strict({ kind: z.literal("pause"), node: target, duration: duration({ positive: true }) }, "pause(node, duration)"),
    strict({ kind: z.literal("oneWay"), from: z.array(target).min(1), to: z.array(target).min(1) }, "oneWay(from, to)"),
    strict(
      {
        kind: z.literal("degrade"),
        target,
        loss: probability.optional(),
        delay: duration().optional(),
        flaky: strict({ down: duration({ positive: true }), up: duration({ positive: true }) }, "flaky settings { down, up }").optional(),
        for: duration().optional(),
      },
      "loss(target, p), delay(target, extra) or flaky(target, { down, up })",
    ),
    strict({ kind: z.literal("slow"), node: target, delay: duration() }, "slow(node, delay)"),
    strict({ kind: z.literal("readOnly"), node: target, writable: z.boolean() }, "readOnly(node) or writable(node)"),
    strict(
      {
        kind: z.literal("clockSkew"),
        node: target,
        rate: z.number({ error: "a clock rate above 0, like 0.5 or 2" }).positive({ error: "a clock rate above 0, like 0.5 or 2" }).optional(),
        jump: z.string({ error: `a duration like "30s" or "-30s"` }).optional(),
      },
      "clockSkew(node, { rate, jump })",
    ),
    strict({ kind: z.literal("zoneOutage"), zone: target, restore: z.boolean() }, "zoneOutage(zone) or zoneRestore(zone)"),
  ],
  {
    error:
      "a fault made with crash(), restart(), partition(), isolate(), heal(), blip(), pause(), oneWay(), loss(), delay(), flaky(), slow(), readOnly(), writable(), diskFull(), diskFreed(), clockSkew(), zoneOutage() or zoneRestore()",
  },
);

export const scheduledFaultSchema = strict({ at: duration(), fault: faultSchema }, `at(time, fault)`);

const chaosEpisodes = strict(
  { every: duration({ positive: true }), for: delayRange, nodes: z.array(target).min(1).optional() },
  `episodes like { every: "1h", for: "2s..20s" }`,
);
export const chaosSchema = strict(
  {
    kind: z.literal("chaos").optional(),
    crash: strict(
      { mtbf: duration({ positive: true }), mttr: duration({ positive: true }), nodes: z.array(target).min(1).optional() },
      `crashes like { mtbf: "720h", mttr: "2h" }`,
    ).optional(),
    blip: chaosEpisodes.optional(),
    pause: chaosEpisodes.optional(),
  },
  "chaos({ crash, blip, pause })",
);


const boundNumber = z.number({ error: "a number" });
const quantileExpectation = "a quantile over the seeds above 0 and at most 1, like 0.95";
const quantile = z
  .number({ error: quantileExpectation })
  .gt(0, { error: quantileExpectation })
  .lte(1, { error: quantileExpectation });
const expectBound = z.union(
  [boundNumber, strict({ min: boundNumber.optional(), max: boundNumber.optional(), quantile: quantile.optional() }, "bounds")],
  { error: "a number (exact value) or { min, max } (optionally with a quantile); a function belongs in checks" },
);
const checkExpectation = `a check: a function (result) => true | false | "why not"`;
const check = z.custom<(result: never) => unknown>((value) => typeof value === "function", { error: checkExpectation });
const checkName = z.string().regex(/\S/, { error: "a name saying what the check checks" });
const metricBounds = Object.fromEntries(metricNames.map((metric) => [metric, expectBound.optional()])) as Record<MetricName, z.ZodOptional<typeof expectBound>>;
export const expectSchema = strict(
  {
    ...metricBounds,
    checks: z.record(checkName, check, { error: `checks by name, like { "db2 ends primary": (result) => … }` }).optional(),
  },
  "expectations",
);

export const scenarioSchema = strict(
  {
    name: z
      .string({ error: "a scenario name" })
      .regex(scenarioNamePattern, { error: `a name of lowercase letters, digits, "-" and "_" (it names the output folder)` }),
    summary: z
      .string({ error: "a one-line summary" })
      .regex(/^[^\n]*\S[^\n]*$/, { error: "a one-line summary" }),
    duration: duration({ positive: true }),
    seed: z.number({ error: "a whole number from 0 to 2^53 - 1" }).int({ error: "a whole number from 0 to 2^53 - 1" }).min(0, { error: "a whole number from 0 to 2^53 - 1" }).optional(),
    nodes: z.record(name, nodeSchema, { error: "an object of nodes by name, like { db1: { role: \"primary\" } }" }),
    network: networkSchema.optional(),
    policy: policySchema.optional(),
    replication: replicationSchema.optional(),
    detector: detectorSchema.optional(),
    failover: failoverSchema.optional(),
    clients: z.union([clientSchema, z.array(clientSchema)], { error: "a client group like { writes: \"200/s\" } or a list of them" }).optional(),
    faults: z.array(scheduledFaultSchema, { error: `a list of faults, like [at("2m", crash("db1"))]` }).optional(),
    chaos: chaosSchema.optional(),
    expect: expectSchema.optional(),
  },
  "a scenario made with defineScenario({...})",
);

/** A scenario after the shape check: durations in µs, rates per second, defaults still missing. */
export type ParsedScenario = z.output<typeof scenarioSchema>;
export type ParsedClient = z.output<typeof clientSchema>;
export type ParsedFault = z.output<typeof faultSchema>;
