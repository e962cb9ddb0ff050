// The data node's role machine as a table (sim/model/node-roles.ts): role × event → role and
// action, with its guards — above all the authority rule: a node takes writes as primary only in
// the epoch it was promoted into, never after it gave the role up in it.
import { describe, expect, it } from "vitest";
import {
  roleTable,
  transition,
  type RoleEvent,
  type RoleView,
} from "../../sim/model/node-roles.ts";
import type { TraceRole } from "../../sim/model/trace.ts";

const node = (role: TraceRole, fields: Partial<RoleView> = {}): RoleView => ({
  role,
  epoch: 3,
  primaryEpoch: 3,
  yieldedEpoch: -1,
  ...fields,
});
const outcome = (view: RoleView, event: RoleEvent) => {
  const rule = transition(view, event);
  return rule === null ? null : { to: rule.to, do: rule.do ?? null };
};

describe("the role machine", () => {
  it.each([
    [
      "a restart rejoins, whatever the role",
      node("primary"),
      { kind: "restart" },
      { to: "rejoining", do: "rejoin" },
    ],
    [
      "STONITH fences any role",
      node("standby"),
      { kind: "powered-off" },
      { to: "fenced", do: null },
    ],
    [
      "a stale epoch fences a primary",
      node("primary"),
      { kind: "stale-epoch" },
      { to: "fenced", do: null },
    ],
    ["… and nothing else", node("standby"), { kind: "stale-epoch" }, null],
    [
      "a lapsed lease fences a primary",
      node("primary"),
      { kind: "lease-lapsed" },
      { to: "fenced", do: null },
    ],
    [
      "a renewed lease retakes the epoch it was promoted into",
      node("fenced"),
      { kind: "lease-renewed" },
      { to: "primary", do: "retake" },
    ],
    [
      "… not an epoch it was not promoted into",
      node("fenced", { primaryEpoch: 2 }),
      { kind: "lease-renewed" },
      null,
    ],
    ["… nor one it gave up", node("fenced", { yieldedEpoch: 3 }), { kind: "replicas-back" }, null],
    [
      "a newer primary makes a primary yield",
      node("primary"),
      { kind: "newer-primary", epoch: 4 },
      { to: "fenced", do: "yield" },
    ],
    ["… not one of its own epoch", node("primary"), { kind: "newer-primary", epoch: 3 }, null],
    [
      "a planned step-down hands the role over (its old primary will follow at once)",
      node("primary"),
      { kind: "step-down", epoch: 3 },
      { to: "fenced", do: "handOver" },
    ],
    [
      "a deposed primary's rejoin done, it follows as a standby",
      node("rejoining"),
      { kind: "rejoined", epoch: 4 },
      { to: "standby", do: "completeRejoin" },
    ],
    [
      "… which a node no longer rejoining ignores",
      node("catching-up"),
      { kind: "rejoined", epoch: 4 },
      null,
    ],
    [
      "a called-off failback resumes the epoch it yielded",
      node("fenced", { yieldedEpoch: 3 }),
      { kind: "resume", epoch: 3 },
      { to: "primary", do: "retake" },
    ],
    [
      "a fenced node that did not yield does not resume",
      node("fenced"),
      { kind: "resume", epoch: 3 },
      null,
    ],
    [
      "a restarted primary resumes the epoch it served",
      node("rejoining"),
      { kind: "resume", epoch: 3 },
      { to: "primary", do: "resume" },
    ],
    [
      "… not one a crash cut short",
      node("rejoining", { primaryEpoch: 2 }),
      { kind: "resume", epoch: 3 },
      null,
    ],
    [
      "a promotion cut short is ordered again in its epoch",
      node("rejoining", { primaryEpoch: 2 }),
      { kind: "promote", epoch: 3 },
      { to: ["catching-up", "promoting"], do: "catchUp" },
    ],
    [
      "a promotion into an old epoch is ignored",
      node("standby"),
      { kind: "promote", epoch: 3 },
      null,
    ],
    [
      "a cold standby boots",
      node("off"),
      { kind: "promote", epoch: 4 },
      { to: "booting", do: "boot" },
    ],
    [
      "a primary promoted again takes the newer epoch at once",
      node("primary"),
      { kind: "promote", epoch: 4 },
      { to: ["primary", "fenced"], do: "takeEpoch" },
    ],
    [
      "the last step completes the promotion",
      node("promoting"),
      { kind: "promotion-step" },
      { to: ["primary", "fenced"], do: "takeEpoch" },
    ],
    ["a primary follows only a newer epoch", node("primary"), { kind: "follow", epoch: 3 }, null],
    [
      "a standby follows its own epoch's primary",
      node("standby"),
      { kind: "follow", epoch: 3 },
      { to: ["standby", "rejoining"], do: "follow" },
    ],
    ["a cold standby still off follows nobody", node("off"), { kind: "follow", epoch: 9 }, null],
  ] as const)("%s", (_name, view, event, expected) => {
    expect(outcome(view, event as RoleEvent)).toEqual(expected);
  });

  it("takes the primary role back only through retake, resume or a promotion", () => {
    for (const [event, rules] of Object.entries(roleTable)) {
      for (const rule of Object.values(rules)) {
        if (rule === null || rule === undefined) continue;
        const targets = Array.isArray(rule.to) ? rule.to : [rule.to];
        if (targets.includes("primary"))
          expect(["retake", "resume", "takeEpoch"], event).toContain(rule.do);
      }
    }
  });
});
