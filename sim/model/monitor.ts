// A monitor: it pings every data node each heartbeat interval and runs one failure detector
// per node. The first monitor is also the controller: it hears the other monitors' verdicts,
// collects node reports from its own heartbeats, and runs the failover policy. Each round it
// also re-announces the current primary to every router, as a proxy's own health check of the
// primary would find it.
// A crashed monitor neither pings nor decides; after a restart its detectors start afresh.
import type { DetectorConfig, FailoverConfig } from "./config.ts";
import { createView, decide, type Command, type ControllerView, type Observation } from "./controller.ts";
import type { Message } from "./messages.ts";
import { TimeoutDetector } from "./timeout-detector.ts";
import type { TraceEvent } from "./trace.ts";

export interface MonitorWorld {
  readonly nowUs: number;
  send(source: string, target: string, message: Message): void;
  emit(event: TraceEvent): void;
}

export class Monitor {
  up = true;
  private readonly detectors = new Map<string, TimeoutDetector>();
  private readonly suspected = new Set<string>();
  /** The controller's state; only the controller monitor has one. */
  private readonly view: ControllerView | null;

  constructor(
    readonly name: string,
    readonly index: number,
    private readonly dataNodes: readonly string[],
    /** The client groups' routers, which reroute commands go to. */
    private readonly routers: readonly string[],
    readonly controller: string,
    primary: string,
    detector: DetectorConfig,
    private readonly policy: FailoverConfig,
    private readonly world: MonitorWorld,
  ) {
    for (const node of dataNodes) this.detectors.set(node, new TimeoutDetector(detector.timeoutUs, 0));
    this.view = name === controller ? createView(primary, dataNodes) : null;
  }

  crash(): void {
    this.up = false;
    this.world.emit({ kind: "node_down", tUs: this.world.nowUs, node: this.name });
  }

  restart(): void {
    this.up = true;
    for (const detector of this.detectors.values()) detector.reset(this.world.nowUs);
    this.world.emit({ kind: "node_up", tUs: this.world.nowUs, node: this.name });
  }

  /** One heartbeat round: judge each node by what was heard so far, then ping it. */
  heartbeat(): void {
    if (!this.up) return;
    const nowUs = this.world.nowUs;
    for (const node of this.dataNodes) {
      if (!this.suspected.has(node) && this.detectors.get(node)!.suspects(nowUs)) this.setVerdict(node, true);
      this.world.send(this.name, node, { type: "ping", monitor: this.name });
    }
    // Routers that missed a reroute (say, across a partition) hear it again every round.
    if (this.view && this.view.promoting === null && this.view.epoch > 1) {
      this.execute({ kind: "reroute", target: this.view.primary, epoch: this.view.epoch });
    }
  }

  receive(message: Message): void {
    switch (message.type) {
      case "pong": {
        this.detectors.get(message.node)!.observe(this.world.nowUs);
        if (this.suspected.has(message.node)) this.setVerdict(message.node, false);
        this.observe({ kind: "report", node: message.node, report: message.report });
        return;
      }
      case "verdict":
        this.observe({ kind: "verdict", monitor: message.monitor, node: message.node, suspect: message.suspect });
        return;
      case "promoted":
        this.observe({ kind: "promoted", node: message.node, epoch: message.epoch });
        return;
      default:
        return;
    }
  }

  private setVerdict(node: string, suspect: boolean): void {
    const tUs = this.world.nowUs;
    if (suspect) this.suspected.add(node);
    else this.suspected.delete(node);
    this.world.emit({ kind: suspect ? "suspect" : "trust", tUs, monitor: this.name, node });
    if (this.view) this.observe({ kind: "verdict", monitor: this.name, node, suspect });
    else this.world.send(this.name, this.controller, { type: "verdict", monitor: this.name, node, suspect });
  }

  private observe(observation: Observation): void {
    if (!this.view) return;
    for (const command of decide(this.view, observation, this.policy)) this.execute(command);
  }

  /** The one place commands are carried out: as messages from this (controller) monitor. */
  private execute(command: Command): void {
    const tUs = this.world.nowUs;
    switch (command.kind) {
      case "promote":
        this.world.emit({ kind: "failover_start", tUs, monitor: this.name, node: command.node, from: command.from, epoch: command.epoch });
        this.world.send(this.name, command.node, { type: "command", command });
        return;
      case "follow":
      case "resume":
        this.world.send(this.name, command.node, { type: "command", command });
        return;
      case "reroute":
        for (const router of this.routers) this.world.send(this.name, router, { type: "command", command });
        return;
      case "no-candidate":
        this.world.emit({ kind: "no_candidate", tUs, monitor: this.name, node: command.node, reason: command.reason });
        return;
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  }
}
