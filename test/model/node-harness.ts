// One data node on its own, driven by hand: a stand-in for the world that records what the node
// sends and emits, runs the node's own timed steps (promotion steps) on an engine, and lets a
// test deliver messages at chosen times. For the node's role rules, without a cluster around it.
import { Rng, Simulation } from "../../sim/engine/index.ts";
import type { Command } from "../../sim/model/cluster-state.ts";
import type { FailoverConfig } from "../../sim/model/config.ts";
import { DataNode, type NodeWorld } from "../../sim/model/data-node.ts";
import { History } from "../../sim/model/history.ts";
import type { Message, WorldEvent } from "../../sim/model/messages.ts";
import { writeEvents, type TraceEvent } from "../../sim/model/trace.ts";
import { TraceOut } from "../../sim/model/trace-out.ts";
import { hot, S, world as fixtureWorld } from "./world-fixture.ts";

export interface NodeHarness {
  node: DataNode;
  /** Everything the node emitted, in order. */
  trace: TraceEvent[];
  /** Everything the node sent, in order. */
  sent: { target: string; message: Message }[];
  /** Runs the node's timed steps up to `untilS` seconds. */
  runTo(untilS: number): void;
  command(command: Command): void;
  receive(message: Message): void;
  /** The roles the node took, as "role@epoch". */
  roles(): string[];
}

export function nodeHarness(options: {
  role: "primary" | "standby";
  failover?: Partial<FailoverConfig>;
  promoteInS?: number;
}): NodeHarness {
  const base = fixtureWorld();
  const simulation = new Simulation<WorldEvent>();
  const history = new History("db1");
  const trace: TraceEvent[] = [];
  const sent: { target: string; message: Message }[] = [];
  let node: DataNode | null = null;
  const nodeWorld: NodeWorld & { latestPromotedEpoch: number } = {
    get nowUs() {
      return simulation.nowUs;
    },
    history,
    monitors: ["mon"],
    latestPromotedEpoch: 1,
    send: (_source, target, message) => sent.push({ target, message }),
    sendBetween: (_source, target, message) => sent.push({ target: `endpoint ${target}`, message }),
    after: (delayUs, event) => simulation.after(delayUs, event),
    emit: (event) => trace.push(event),
    // The per-write events as events too, in the same list (no fingerprint).
    trace: new TraceOut(
      (event) => trace.push(event),
      null,
      writeEvents((event) => trace.push(event)),
    ),
    logOf: () => node!.log,
    restorePoint: () => ({ backup: node!.log, archive: node!.log }),
    promotionCompleted(promoted, from, planned) {
      nodeWorld.latestPromotedEpoch = Math.max(nodeWorld.latestPromotedEpoch, promoted.epoch);
      trace.push({
        kind: "promoted",
        tUs: simulation.nowUs,
        node: promoted.name,
        epoch: promoted.epoch,
        previous: from,
        previousAlive: true,
        failback: false,
        planned,
      });
    },
  };
  const config = {
    ...hot,
    name: "db2",
    role: options.role,
    zone: "west",
    promoteInUs: (options.promoteInS ?? 1) * S,
  };
  const policy = {
    replication: base.replication,
    failover: { ...base.failover, ...options.failover },
  };
  node = new DataNode(
    config,
    1,
    { timeline: history.root, length: 0 },
    "db1",
    [],
    new Rng(1, "node"),
    nodeWorld,
    policy,
  );
  const harness: NodeHarness = {
    node,
    trace,
    sent,
    runTo(untilS) {
      for (
        let event = simulation.next(untilS * S);
        event !== undefined;
        event = simulation.next(untilS * S)
      ) {
        if (event.kind === "promotion-step") node!.promotionStep(event.epoch);
      }
    },
    command: (command) => node!.receive({ type: "command", command }),
    receive: (message) => node!.receive(message),
    roles: () =>
      trace.flatMap((event) => (event.kind === "role" ? [`${event.role}@${event.epoch}`] : [])),
  };
  return harness;
}
