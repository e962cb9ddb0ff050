// The faults of a scenario's schedule and its random `chaos` (faults.ts and chaos.ts build
// them): each fault kind a strict object named after the builder that makes it, so an error points
// at the builder's arguments.
import * as z from "zod";
import { strict, duration, rate, name, probability, delayRange } from "../dsl/index.ts";

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
