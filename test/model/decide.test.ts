// The failover policy as a pure function (sim/model/controller.ts): decide(state, knowledge,
// observation, context) → { state, commands }, as a table of cases on a cluster of db1 (primary,
// east), db2 (hot standby, west) and db3 (hot standby, east), watched by one monitor. Each case
// gives what the controller knows and what it observes, and says which commands come out and what
// the next state holds; every case also checks that the state and the knowledge it was handed
// are unchanged.
import { describe, expect, it } from "vitest";
import {
  createClusterState,
  createKnowledge,
  type ClusterState,
  type Command,
  type MonitorKnowledge,
  type NodeReport,
  type Observation,
} from "../../sim/model/cluster-state.ts";
import type { FailoverConfig } from "../../sim/model/config.ts";
import { decide } from "../../sim/model/controller.ts";
import { S, world } from "./world-fixture.ts";

const nodes = ["db1", "db2", "db3"];
const zones = new Map([
  ["db1", "east"],
  ["db2", "west"],
  ["db3", "east"],
]);

const report = (fields: Partial<NodeReport>): NodeReport => ({
  role: "standby",
  epoch: 1,
  primaryEpoch: 0,
  logLength: 100,
  upstream: "db1",
  lastCommitUs: 50 * S,
  readiness: "hot",
  ...fields,
});

interface Case {
  name: string;
  policy?: Partial<FailoverConfig>;
  state?: Partial<ClusterState>;
  reports?: Record<string, NodeReport>;
  /** Nodes the monitor suspects. */
  suspects?: string[];
  healthySinceS?: Record<string, number>;
  nowS?: number;
  observation: Observation;
  commands: Command[];
  next?: Partial<ClusterState>;
}

const healthy = {
  db1: report({ role: "primary", upstream: null, primaryEpoch: 1, logLength: 120 }),
  db2: report({ logLength: 110 }),
  db3: report({ logLength: 100 }),
};
const suspectDb1: Observation = { kind: "verdict", monitor: "mon", node: "db1", suspect: true };

const cases: Case[] = [
  {
    name: "a quorum suspects the primary: the standby with the longest log is promoted into a new epoch",
    reports: healthy,
    suspects: ["db1"],
    observation: suspectDb1,
    commands: [{ kind: "promote", node: "db2", epoch: 2, from: "db1", planned: false }],
    next: { epoch: 2, primary: "db2", promoting: "db2", confirmedEpoch: 1 },
  },
  {
    name: "with STONITH the old primary is powered off first",
    policy: { fencing: "stonith" },
    reports: healthy,
    suspects: ["db1"],
    observation: suspectDb1,
    commands: [{ kind: "fence", node: "db1", attempt: 1 }],
    next: {
      epoch: 1,
      primary: "db1",
      fencing: { node: "db1", candidate: "db2", planned: false, retryAtUs: null },
    },
  },
  {
    name: "the device powered it off: the candidate is promoted",
    policy: { fencing: "stonith" },
    state: { fencing: { node: "db1", candidate: "db2", planned: false, retryAtUs: null } },
    reports: healthy,
    suspects: ["db1"],
    observation: { kind: "fenced", node: "db1", ok: true },
    commands: [{ kind: "promote", node: "db2", epoch: 2, from: "db1", planned: false }],
    next: { fencing: null, primary: "db2", epoch: 2 },
  },
  {
    name: "the last allowed attempt failed: no candidate until the cluster recheck",
    policy: {
      fencing: "stonith",
      stonith: { ...world().failover.stonith, maxAttempts: 1, recheckIntervalUs: 60 * S },
    },
    state: { fencing: { node: "db1", candidate: "db2", planned: false, retryAtUs: null } },
    reports: healthy,
    suspects: ["db1"],
    nowS: 100,
    observation: { kind: "fenced", node: "db1", ok: false },
    commands: [
      {
        kind: "no-candidate",
        node: "db1",
        reason:
          "fencing db1 failed 1 times (maxAttempts 1); next attempt at the cluster recheck, 160 s",
      },
      { kind: "timer", atUs: 160 * S },
    ],
    next: {
      fencing: { node: "db1", candidate: "db2", planned: false, retryAtUs: 160 * S },
      fenceFailures: new Map([["db1", 1]]),
    },
  },
  {
    name: "at the recheck the node is fenced again",
    policy: { fencing: "stonith" },
    state: {
      fencing: { node: "db1", candidate: "db2", planned: false, retryAtUs: 160 * S },
      fenceFailures: new Map([["db1", 1]]),
    },
    reports: healthy,
    suspects: ["db1"],
    nowS: 160,
    observation: { kind: "timer" },
    commands: [{ kind: "fence", node: "db1", attempt: 2 }],
    next: { fencing: { node: "db1", candidate: "db2", planned: false, retryAtUs: null } },
  },
  {
    name: "no standby qualifies: said once",
    policy: { crossZone: false },
    reports: { db1: healthy.db1, db2: healthy.db2 },
    suspects: ["db1"],
    observation: suspectDb1,
    commands: [
      {
        kind: "no-candidate",
        node: "db1",
        reason: "1 standby(s) in another zone and crossZone is off",
      },
    ],
    next: { noCandidateReported: true, epoch: 1 },
  },
  {
    name: "… and not again while the primary stays suspected",
    policy: { crossZone: false },
    state: { noCandidateReported: true },
    reports: { db1: healthy.db1, db2: healthy.db2 },
    suspects: ["db1"],
    observation: suspectDb1,
    commands: [],
  },
  {
    name: "an anti-flapping block holds an automatic failover back",
    state: { blockedUntilUs: 200 * S },
    reports: healthy,
    suspects: ["db1"],
    nowS: 100,
    observation: suspectDb1,
    commands: [
      { kind: "no-candidate", node: "db1", reason: "automatic recovery blocked until 200 s" },
    ],
    next: { noCandidateReported: true },
  },
  {
    name: "without automatic failover the operator is paged, to act after the drawn delay",
    policy: {
      automatic: false,
      operator: { minDelayUs: 60 * S, maxDelayUs: 60 * S, errorProbability: 0 },
    },
    reports: healthy,
    suspects: ["db1"],
    nowS: 10,
    observation: suspectDb1,
    commands: [
      { kind: "operator", action: "paged for a failover", node: "db1", ok: true },
      { kind: "timer", atUs: 70 * S },
    ],
    next: { operator: { action: "failover", dueUs: 70 * S } },
  },
  {
    name: "the promoted node confirms: routers and the other data nodes are pointed at it",
    state: { epoch: 2, primary: "db2", promoting: "db2" },
    observation: { kind: "promoted", node: "db2", epoch: 2 },
    commands: [
      { kind: "reroute", target: "db2", epoch: 2 },
      { kind: "follow", node: "db1", primary: "db2", epoch: 2 },
      { kind: "follow", node: "db3", primary: "db2", epoch: 2 },
    ],
    next: { promoting: null, confirmedEpoch: 2, confirmedPrimary: "db2" },
  },
  {
    name: "a restarted primary that served in this epoch resumes",
    reports: { ...healthy, db1: report({ role: "rejoining", upstream: null, primaryEpoch: 1 }) },
    observation: {
      kind: "report",
      node: "db1",
      report: report({ role: "rejoining", upstream: null, primaryEpoch: 1 }),
    },
    commands: [{ kind: "resume", node: "db1", epoch: 1 }],
  },
  {
    name: "immediate failback: the original primary, healthy and caught up, gets the role back",
    policy: { failback: "immediate" },
    state: { epoch: 2, primary: "db2", confirmedEpoch: 2, confirmedPrimary: "db2" },
    reports: {
      db1: report({ upstream: "db2", epoch: 2, primaryEpoch: 1 }),
      db2: report({ role: "primary", upstream: null, epoch: 2, primaryEpoch: 2 }),
    },
    healthySinceS: { db1: 10 },
    nowS: 20,
    observation: {
      kind: "report",
      node: "db1",
      report: report({ upstream: "db2", epoch: 2, primaryEpoch: 1 }),
    },
    commands: [{ kind: "step-down", node: "db2", epoch: 2 }],
    next: { handover: { from: "db2", to: "db1" } },
  },
  {
    name: "hold-down failback waits for its hold-down",
    policy: { failback: "hold-down", holdDownUs: 60 * S },
    state: { epoch: 2, primary: "db2", confirmedEpoch: 2, confirmedPrimary: "db2" },
    reports: {
      db1: report({ upstream: "db2", epoch: 2, primaryEpoch: 1 }),
      db2: report({ role: "primary", upstream: null, epoch: 2, primaryEpoch: 2 }),
    },
    healthySinceS: { db1: 10 },
    nowS: 20,
    observation: {
      kind: "report",
      node: "db1",
      report: report({ upstream: "db2", epoch: 2, primaryEpoch: 1 }),
    },
    commands: [],
    next: { handover: null },
  },
];

function knowledgeOf(entry: Case): MonitorKnowledge {
  const known = createKnowledge(nodes);
  for (const [node, nodeReport] of Object.entries(entry.reports ?? {}))
    known.reports.set(node, nodeReport);
  for (const node of entry.suspects ?? []) known.suspectedBy.get(node)!.add("mon");
  for (const [node, sinceS] of Object.entries(entry.healthySinceS ?? {}))
    known.healthySinceUs.set(node, sinceS * S);
  return known;
}

describe("decide", () => {
  it.each(cases.map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
    const state: ClusterState = { ...createClusterState("db1"), ...entry.state };
    const known = knowledgeOf(entry);
    const stateBefore = structuredClone(state);
    const knownBefore = structuredClone(known);
    const policy = { ...world().failover, ...entry.policy };
    const context = {
      policy,
      nowUs: (entry.nowS ?? 0) * S,
      dataNodes: nodes,
      zones,
      draw: () => 0,
    };
    const decision = decide(state, known, entry.observation, context);
    expect(decision.commands).toEqual(entry.commands);
    expect(decision.state).toMatchObject(entry.next ?? {});
    expect(state).toEqual(stateBefore);
    expect(known).toEqual(knownBefore);
  });
});
