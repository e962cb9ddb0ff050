// A monitor (or a witness): it probes every data node each heartbeat interval — or, with lease
// detection, hears their lease renewals — and runs one failure detector per node. Verdict changes
// go to every other monitor, and each round every monitor tells the others which nodes it
// suspects now, so a verdict lost across a partition is repaired within a round of the heal (as
// Sentinels keep asking each other is-master-down-by-addr while they suspect a master). The
// acting controller (acting-controller.ts: the first monitor that is up and connected to a
// majority of monitors and witnesses, as a Sentinel or raft majority would elect one; a witness
// never acts) runs the failover policy on what it has heard and carries out its commands
// (monitor-commands.ts); the cluster state it changes is shared by all monitors. Each round it
// also re-announces the current primary to every router, as a proxy's own health check would.
// A crashed monitor neither probes nor decides; after a restart its detectors start afresh.
// Rounds come every detector interval, or spaced at random around it (detectors/rounds.ts).
// What it keeps on each node, and when it looks at a silent one: monitor-watch.ts.
import { wholeUs, type Rng } from "../engine/index.ts";
import {
  createKnowledge,
  type ClusterState,
  type MonitorKnowledge,
  type NodeReport,
  type Observation,
} from "./cluster-state.ts";
import type { FailoverConfig } from "./config.ts";
import { decide, holdsIsr, learn, type PolicyContext } from "./controller.ts";
import {
  createDetector,
  detectorKindOf,
  roundSpacingUs,
  type DetectorConfig,
} from "./detectors/index.ts";
import type { Message } from "./messages.ts";
import { carryOut, type CommandWorld } from "./monitor-commands.ts";
import { checkDueUs, Watches, type Watch } from "./monitor-watch.ts";

export interface MonitorWorld extends CommandWorld {
  isActingController(monitor: string): boolean;
  /** send() between endpoints given by index (the world's actors, in the scenario's order). */
  sendBetween(source: number, target: number, message: Message): void;
}

export interface MonitorSetup {
  dataNodes: readonly string[];
  /** Each data node's endpoint (sendBetween), in the same order. */
  dataEndpoints: readonly number[];
  /** Every other monitor and witness, which verdicts go to. */
  peers: readonly string[];
  /** The client groups' routers, which reroute commands go to. */
  routers: readonly string[];
  zones: ReadonlyMap<string, string>;
  detector: DetectorConfig;
  policy: FailoverConfig;
  /** The cluster state every monitor shares (the controller's decisions replace it). */
  cluster: { state: ClusterState };
}

export class Monitor {
  up = true;
  /** One per data node, in the order of the setup's data nodes. */
  private readonly watches: Watches;
  private readonly knowledge: MonitorKnowledge;
  /** What the policy is handed (its time set at each decision). */
  private readonly context: PolicyContext;
  private seq = 0;
  /** When this monitor's next round comes (it asks its detectors again then). */
  private nextRoundAtUs = Infinity;

  constructor(
    readonly name: string,
    readonly index: number,
    readonly canLead: boolean,
    private readonly setup: MonitorSetup,
    private readonly rng: Rng,
    private readonly world: MonitorWorld,
    /** Its own stream for the spacing of its rounds (`rounds:<name>`). */
    private readonly roundsRng: Rng,
  ) {
    this.knowledge = createKnowledge(setup.dataNodes);
    const { policy, dataNodes, zones, detector } = setup;
    this.context = { policy, nowUs: 0, dataNodes, zones, draw: () => this.rng.float() };
    this.watches = new Watches(dataNodes, () => createDetector(detector, policy.lease, 0));
  }

  crash(): void {
    this.up = false;
    this.world.emit({ kind: "node_down", tUs: this.world.nowUs, node: this.name });
  }

  /** Up again, its detectors afresh. */
  restart(): void {
    this.up = true;
    const { detector, policy } = this.setup;
    this.watches.restart(() => createDetector(detector, policy.lease, this.world.nowUs));
    this.world.emit({ kind: "node_up", tUs: this.world.nowUs, node: this.name });
  }

  /** One heartbeat round: probe each node (unless leases do the talking) and re-announce the
   *  primary; the next round comes `spacingUs` later (nextRoundUs). */
  heartbeat(spacingUs: number): void {
    this.nextRoundAtUs = wholeUs(this.world.nowUs + spacingUs);
    if (!this.up) return;
    const nowUs = this.world.nowUs;
    if (detectorKindOf(this.setup.detector.kind).heardBy === "probes") {
      const monitorEndpoint = this.index;
      for (const [i, watch] of this.watches.list.entries()) {
        const { node, detector: nodeDetector } = watch;
        const seq = ++this.seq;
        this.watches.probeSent(watch, seq, nowUs);
        const ping = { type: "ping", monitorEndpoint, seq, sentUs: nowUs } as const;
        this.world.sendBetween(monitorEndpoint, this.setup.dataEndpoints[i], ping);
        if (nodeDetector.probeTimeoutUs > 0) {
          const dueUs = nowUs + nodeDetector.probeTimeoutUs;
          this.world.at(dueUs, { kind: "probe-deadline", monitor: monitorEndpoint, node, seq });
        }
      }
    }
    for (const watch of this.watches.list) this.armCheck(watch);
    if (this.setup.peers.length > 0) {
      const suspects: string[] = [];
      for (const watch of this.watches.list) if (watch.suspected) suspects.push(watch.node);
      for (const peer of this.setup.peers)
        this.world.send(this.name, peer, { type: "verdicts", monitor: this.name, suspects });
    }
    // Routers that missed a reroute (say, across a partition) hear it again every round.
    const { state } = this.setup.cluster;
    if (
      state.confirmedEpoch === state.epoch &&
      state.epoch > 1 &&
      this.world.isActingController(this.name)
    ) {
      const reroute = { kind: "reroute", target: state.primary, epoch: state.epoch } as const;
      carryOut(reroute, this.name, this.setup.routers, this.world);
    }
  }

  /** The time from this round to the next. */
  nextRoundUs(): number {
    const { intervalUs, intervalJitter } = this.setup.detector;
    return roundSpacingUs(intervalUs, intervalJitter, this.roundsRng);
  }

  probeDeadline(node: string, seq: number): void {
    if (!this.up) return;
    const watch = this.watches.of(node);
    this.watches.probeExpired(watch, seq, this.world.nowUs);
    this.judge(watch);
  }

  verdictCheck(node: string, generation: number, phase: 0 | 1): void {
    const watch = this.watches.of(node);
    if (!this.up || generation !== watch.generation) return;
    if (phase === 0) {
      const [monitor, nowUs] = [this.index, this.world.nowUs];
      this.world.at(nowUs, { kind: "verdict-check", monitor, node, generation, phase: 1 });
      return;
    }
    watch.checkAtUs = Infinity;
    this.judge(watch);
    this.armCheck(watch);
  }

  receive(message: Message): void {
    const nowUs = this.world.nowUs;
    switch (message.type) {
      case "pong": {
        const watch = this.watches.of(message.node);
        this.watches.reply(watch, message.seq, message.sentUs, nowUs);
        this.heard(watch, message.report);
        return;
      }
      case "renew": {
        const watch = this.watches.of(message.node);
        this.watches.reply(watch, 0, nowUs, nowUs);
        this.heard(watch, message.report);
        if (this.world.isActingController(this.name)) {
          const { epoch, primary } = this.setup.cluster.state;
          this.world.send(this.name, message.node, { type: "renew-ack", epoch, primary });
        }
        return;
      }
      case "verdict":
        this.observe({
          kind: "verdict",
          monitor: message.monitor,
          node: message.node,
          suspect: message.suspect,
        });
        return;
      case "verdicts":
        // Only what differs from what this monitor believed is news.
        for (const node of this.setup.dataNodes) {
          const suspect = message.suspects.includes(node);
          if (this.knowledge.suspectedBy.get(node)!.has(message.monitor) !== suspect) {
            this.observe({ kind: "verdict", monitor: message.monitor, node, suspect });
          }
        }
        return;
      case "lookup":
        // Only a primary that confirmed its promotion is named (none while a promotion is under way).
        const { state } = this.setup.cluster;
        if (this.world.isActingController(this.name) && state.confirmedEpoch === state.epoch) {
          const { primary, epoch } = state;
          this.world.send(this.name, message.client, { type: "lookup-reply", primary, epoch });
        }
        return;
      case "isr": {
        // Only the acting controller commits a leader's in-sync replica set, and answers it.
        if (!this.world.isActingController(this.name)) return;
        const { node, epoch, members } = message;
        this.observe({ kind: "isr", node, epoch, members });
        if (holdsIsr(this.setup.cluster.state, epoch, members))
          this.world.send(this.name, node, { type: "isr-ack", epoch, members });
        return;
      }
      case "promoted": {
        // The node announcing its promotion is alive: its silence ends here too.
        const watch = this.watches.of(message.node);
        this.watches.lifeSign(watch, nowUs);
        this.judge(watch);
        this.armCheck(watch);
        this.observe({ kind: "promoted", node: message.node, epoch: message.epoch });
        return;
      }
      default:
        return;
    }
  }

  /** An observation from outside the network (a fencing device's result, a timer). */
  observe(observation: Observation): void {
    this.setup.cluster.state = learn(
      this.knowledge,
      observation,
      this.setup.cluster.state,
      this.world.nowUs,
    );
    this.decideOn(observation);
  }

  /** The acting controller decides on an observation it has learned. A verdict acted on must be
   *  current when it is acted on: every verdict of this monitor is brought up to date first, so
   *  checks that fell due together (the monitor was paused, say) never act one by one on a world
   *  the later ones would have shown had moved on. (Only once one may have changed: Watches.) */
  private decideOn(observation: Observation): void {
    if (!this.up || !this.world.isActingController(this.name)) return;
    let changed: Observation[] | null = null;
    if (this.watches.dueForAll(this.world.nowUs)) {
      for (const watch of this.watches.list) {
        const change = this.updateVerdict(watch);
        if (change !== null) (changed ??= []).push(change);
      }
    }
    this.context.nowUs = this.world.nowUs;
    this.decide(observation);
    if (changed !== null) for (const seen of changed) this.decide(seen);
  }

  private decide(observation: Observation): void {
    const { cluster, routers } = this.setup;
    const decision = decide(cluster.state, this.knowledge, observation, this.context);
    cluster.state = decision.state;
    for (const command of decision.commands) carryOut(command, this.name, routers, this.world);
  }

  private heard(watch: Watch, report: NodeReport): void {
    this.judge(watch);
    this.armCheck(watch);
    this.observe({ kind: "report", node: watch.node, report });
  }

  /** Asks the detector for its verdict now; a change is announced, learned and decided on. */
  private judge(watch: Watch): void {
    const change = this.updateVerdict(watch);
    if (change !== null) this.decideOn(change);
  }

  /** The detector's verdict now: a change is announced to the trace and the peers, and learned;
   *  returns it, or null when the verdict stands. */
  private updateVerdict(watch: Watch): Observation | null {
    const nowUs = this.world.nowUs;
    if (!this.watches.ask(watch, nowUs)) return null;
    const suspect = watch.suspected;
    const { node } = watch;
    this.world.emit({ kind: suspect ? "suspect" : "trust", tUs: nowUs, monitor: this.name, node });
    for (const peer of this.setup.peers)
      this.world.send(this.name, peer, { type: "verdict", monitor: this.name, node, suspect });
    const verdict: Observation = { kind: "verdict", monitor: this.name, node, suspect };
    this.setup.cluster.state = learn(this.knowledge, verdict, this.setup.cluster.state, nowUs);
    return verdict;
  }

  /** Schedules a look at the node when its silence would make it suspected (detectors that know
   *  when), unless that is after the next round, which asks again. */
  private armCheck(watch: Watch): void {
    const atUs = checkDueUs(watch, this.world.nowUs, this.nextRoundAtUs);
    if (atUs === null) return;
    const generation = ++watch.generation;
    watch.checkAtUs = atUs;
    const { node } = watch;
    this.world.at(atUs, { kind: "verdict-check", monitor: this.index, node, generation, phase: 0 });
  }
}
