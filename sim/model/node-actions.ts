// What a data node does on each transition of its role machine (node-roles.ts lists which action
// a role × event calls for): one function per action, in a table over the actions, each taking
// its role at its own moment — a restart's node_up comes before its role, a promotion's
// completion takes the primary role before it announces itself. The node (data-node.ts) feeds
// the machine; these carry it out on the node's own parts. A deposed primary told to follow
// stays out for as long as its rejoin mode says (rejoin/<mode>.ts), then follows.
import type { Rng } from "../engine/index.ts";
import type { ApplyQueue } from "./apply-queue.ts";
import type { FailoverConfig, NodeConfig, ReplicationConfig } from "./config.ts";
import type { FencingMechanisms } from "./fencing/index.ts";
import type { NodeLog } from "./history.ts";
import type { Message } from "./messages.ts";
import type { LeaseHolder } from "./lease-holder.ts";
import type { LogSender } from "./log-sender.ts";
import type { RoleAction } from "./node-roles.ts";
import { rejoinKindOf } from "./rejoin/index.ts";
import type { NodeService, ServiceWorld } from "./node-service.ts";
import type { TraceRole } from "./trace.ts";

/** What a data node is handed at construction: the cluster's failover policy and replication. */
export interface NodePolicy {
  readonly failover: FailoverConfig;
  readonly replication: ReplicationConfig;
}

/** What a data node may ask of the world around it. */
export interface NodeWorld extends ServiceWorld {
  /** send() between endpoints given by index (the world's actors, in the scenario's order). */
  sendBetween(source: number, target: number, message: Message): void;
  /** Every monitor and witness: lease renewals and promotion notices go to all of them. */
  readonly monitors: readonly string[];
  logOf(node: string): NodeLog;
  /** What a cold standby can restore: the last base backup and the last archived log. */
  restorePoint(node: string): { backup: NodeLog; archive: NodeLog };
  promotionCompleted(node: ActingNode, from: string, planned: boolean): void;
}

/** A data node as its actions see it. */
export interface ActingNode {
  readonly name: string;
  readonly index: number;
  readonly config: NodeConfig;
  up: boolean;
  readonly role: TraceRole;
  epoch: number;
  log: NodeLog;
  upstream: string | null;
  primaryEpoch: number;
  yieldedEpoch: number;
  /** The epoch in which it handed the primary role over for a planned failback (-1: none). */
  handedOverEpoch: number;
  /** A deposed primary's rejoin under way: the epoch it will follow in, when it is due (µs;
   *  -1: none under way; Infinity: never, an operator who never manages). */
  readonly rejoin: { epoch: number; dueUs: number };
  readonly policy: NodePolicy;
  /** Its own random stream (warm-up shedding, a slow node's draws, an operator's delay). */
  readonly rng: Rng;
  readonly sender: LogSender;
  readonly apply: ApplyQueue;
  readonly service: NodeService;
  readonly lease: LeaseHolder;
  readonly fencing: FencingMechanisms;
  /** The promotion under way: whom it replaces, whether planned, when its pending step is due
   *  (-1: none), and (isr replication) the in-sync followers the controller granted with the
   *  last promotion or resume order. */
  readonly promotion: { from: string; planned: boolean; stepAtUs: number; isr: readonly string[] };
  readonly world: NodeWorld;
  setRole(role: TraceRole): void;
  /** Takes the primary role again in the epoch it was promoted into (the authority rule). */
  retake(): void;
  checkLease(): void;
}

/** The next stage of the promotion under way, `delayUs` from now. */
function stepAfter(node: ActingNode, delayUs: number): void {
  const nowUs = node.world.nowUs;
  node.promotion.stepAtUs = nowUs + Math.max(0, Math.round(delayUs));
  node.world.after(node.promotion.stepAtUs - nowUs, {
    kind: "promotion-step",
    node: node.index,
    epoch: node.epoch,
  });
}

export const roleActions: {
  readonly [A in RoleAction]: (node: ActingNode, epoch: number) => void;
} = {
  rejoin: (node) => {
    const nowUs = node.world.nowUs;
    node.up = true;
    node.sender.stop();
    node.upstream = null;
    node.apply.reset(nowUs);
    node.world.emit({ kind: "node_up", tUs: nowUs, node: node.name });
    node.setRole("rejoining");
  },
  retake: (node) => node.retake(),
  yield: (node) => {
    node.yieldedEpoch = node.epoch;
    node.setRole("fenced");
  },
  handOver: (node) => {
    node.yieldedEpoch = node.epoch;
    node.handedOverEpoch = node.epoch;
    node.setRole("fenced");
  },
  resume: (node) => {
    node.lease.renewed(node.world.nowUs);
    node.retake();
    // Entries committed but never shipped before the crash go out now.
    node.sender.start([], node.promotion.isr);
  },
  catchUp: (node) => {
    const nowUs = node.world.nowUs;
    node.upstream = null;
    const catchUpUs = node.apply.catchUpDoneUs(nowUs) - nowUs;
    node.setRole(catchUpUs > 0 ? "catching-up" : "promoting");
    stepAfter(node, catchUpUs > 0 ? catchUpUs : node.config.promoteInUs);
  },
  boot: (node) => {
    node.setRole("booting");
    stepAfter(node, node.config.bootInUs);
  },
  carryOn: (node, epoch) => {
    // A promotion under way goes on under the newer epoch, its pending step due when it was.
    node.setRole(node.role);
    node.world.after(node.promotion.stepAtUs - node.world.nowUs, {
      kind: "promotion-step",
      node: node.index,
      epoch,
    });
  },
  restore: (node) => {
    // A cold standby restores the last base backup, then replays the archived log after it.
    const nowUs = node.world.nowUs;
    const { backup, archive } = node.world.restorePoint(node.name);
    const replayed = Math.max(0, archive.length - backup.length);
    node.log = { timeline: archive.timeline, length: archive.length };
    node.apply.reset(nowUs);
    const replayUs =
      node.config.applyRatePerS === Infinity
        ? 0
        : Math.ceil((replayed * 1e6) / node.config.applyRatePerS);
    node.setRole("catching-up");
    node.world.emit({
      kind: "restored",
      tUs: nowUs,
      node: node.name,
      length: archive.length,
      replayed,
    });
    stepAfter(node, node.config.restoreInUs + replayUs);
  },
  awaitPromotion: (node) => {
    node.setRole("promoting");
    stepAfter(node, node.config.promoteInUs);
  },
  takeEpoch,
  follow,
  completeRejoin: (node, epoch) => {
    node.rejoin.dueUs = -1;
    becomeStandby(node, epoch);
  },
};

/** The promotion completes: primary of `epoch`, on a timeline of its own. */
function takeEpoch(node: ActingNode, epoch: number): void {
  const { world } = node;
  const nowUs = world.nowUs;
  // Epoch fencing: storage refuses a promotion that completes after a newer one did.
  if (node.fencing.refusesStaleEpoch && epoch < world.latestPromotedEpoch)
    return node.setRole("fenced");
  node.primaryEpoch = epoch;
  node.yieldedEpoch = -1;
  node.log = {
    timeline: world.history.branch(node.log.timeline, node.log.length, node.name),
    length: node.log.length,
  };
  node.upstream = null;
  node.apply.reset(nowUs);
  node.setRole("primary");
  node.sender.start([], node.promotion.isr);
  world.promotionCompleted(node, node.promotion.from, node.promotion.planned);
  const { warmUpUs, warmUpCapacity } = node.config;
  if (warmUpUs > 0 && warmUpCapacity < 1) {
    node.service.warmUp(nowUs + warmUpUs);
    world.emit({
      kind: "warm_up",
      tUs: nowUs,
      node: node.name,
      untilUs: nowUs + warmUpUs,
      capacity: warmUpCapacity,
    });
  }
  for (const monitor of world.monitors)
    world.send(node.name, monitor, { type: "promoted", node: node.name, epoch });
  // Lease fencing: a promotion that outlasted its lease (the node was paused, or cut off from
  // the store) takes no write until a renewal is answered.
  node.checkLease();
}

/** Told to follow `epoch`'s primary: a deposed primary first stays out as its rejoin mode says,
 *  "rejoining"; any other node follows at once. */
function follow(node: ActingNode, epoch: number): void {
  if (node.role === "rejoining" && node.rejoin.dueUs >= 0) {
    // A rejoin under way goes on, towards the newest primary the node has been told of.
    node.rejoin.epoch = Math.max(node.rejoin.epoch, epoch);
    return;
  }
  const delayUs = deposedDelayUs(node);
  if (delayUs === 0) becomeStandby(node, epoch);
  else holdOut(node, epoch, delayUs);
}

/** How long the node stays out before it follows: 0 unless it is a deposed primary — it holds
 *  the primary role of its own epoch and did not hand it over in a planned failback. */
function deposedDelayUs(node: ActingNode): number {
  const deposed = node.primaryEpoch === node.epoch && node.handedOverEpoch !== node.epoch;
  if (!deposed || node.upstream === null) return 0;
  const { failover } = node.policy;
  const { world } = node;
  const upstream = node.upstream;
  const kind = rejoinKindOf(failover.rejoin);
  return kind.delayUs(
    {
      get diverged() {
        return world.history.commonPrefix(node.log, world.logOf(upstream)) < node.log.length;
      },
      restoreInUs: node.config.restoreInUs,
      operator: failover.operator,
      draw: () => node.rng.float(),
    },
    failover,
  );
}

/** A deposed primary stays out, "rejoining", for `delayUs` (Infinity: for good); the rejoin
 *  event says so (no "demoted": it is not a standby yet). */
function holdOut(node: ActingNode, epoch: number, delayUs: number): void {
  const { world } = node;
  const nowUs = world.nowUs;
  node.sender.stop();
  const dueUs = nowUs + delayUs;
  node.rejoin.epoch = epoch;
  node.rejoin.dueUs = dueUs;
  if (node.role !== "rejoining") node.setRole("rejoining");
  world.emit({
    kind: "rejoin",
    tUs: nowUs,
    node: node.name,
    mode: node.policy.failover.rejoin,
    untilUs: Number.isFinite(dueUs) ? dueUs : -1,
  });
  if (Number.isFinite(dueUs))
    world.after(delayUs, { kind: "rejoin-step", node: node.index, dueUs });
}

/** A standby of `node.upstream` from `epoch` on: it rewinds to what its log shares with the new
 *  upstream's history, then streams from there. */
function becomeStandby(node: ActingNode, epoch: number): void {
  const { world } = node;
  const nowUs = world.nowUs;
  const wasPrimary = node.role === "primary";
  node.yieldedEpoch = -1;
  node.epoch = epoch;
  node.sender.stop();
  if (wasPrimary) world.emit({ kind: "demoted", tUs: nowUs, node: node.name, epoch });
  const upstreamLog = world.logOf(node.upstream!);
  const common = world.history.commonPrefix(node.log, upstreamLog);
  const discarded = node.log.length - common;
  if (discarded > 0)
    world.emit({
      kind: "rewind",
      tUs: nowUs,
      node: node.name,
      discarded,
      discardedAcked: world.history.ackedBetween(node.log, common, node.log.length),
    });
  node.log = { timeline: upstreamLog.timeline, length: common };
  node.apply.reset(nowUs);
  node.setRole("standby");
  node.service.sendStatus(true);
}
