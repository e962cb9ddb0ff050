// A server of an active-active pool: a stateless process behind a client group's load balancer
// (load-balancer.ts). It answers every request it gets while it is up — there is no primary, no
// log and no replication — and each health check of the balancer. With a capacity, requests and
// checks wait in one line (service-queue.ts), so an overloaded server answers its checks late
// and the balancer takes it out of rotation, moving its share onto the others.
// Sessions: for users of a "memory" session store, the server remembers (in its memory) who
// has logged in here; a crash forgets them all. A returning user — one served before, here or
// elsewhere — who has no session here must log in again: the trace's session_lost.
// An autoscaled server stands for a fleet of instances (autoscaler.ts): it counts the requests
// that reach it and, at each measurement, may launch instances that add to its capacity later.
import type { NodeConfig } from "./config.ts";
import type { Message, WorldEvent } from "./messages.ts";
import { Autoscaler } from "./autoscaler.ts";
import { ServiceQueue } from "./service-queue.ts";
import type { TraceEvent } from "./trace.ts";

export interface ServerWorld {
  readonly nowUs: number;
  send(source: string, target: string, message: Message): void;
  after(delayUs: number, event: WorldEvent): void;
  emit(event: TraceEvent): void;
}

export class PoolServer {
  readonly name: string;
  up = true;
  private readonly line: ServiceQueue | null;
  /** Per client group, which of its users have a session in this server's memory. */
  private readonly sessions = new Map<string, Uint8Array>();
  private readonly scaler: Autoscaler | null;

  constructor(
    readonly config: NodeConfig,
    readonly index: number,
    private readonly world: ServerWorld,
  ) {
    this.name = config.name;
    this.line =
      config.capacityPerS === Infinity
        ? null
        : new ServiceQueue(config.capacityPerS, config.queueLimitUs);
    this.scaler =
      config.autoscale === null ? null : new Autoscaler(config.autoscale, config.capacityPerS);
  }

  receive(message: Message): void {
    if (message.type !== "request" && message.type !== "check") return;
    if (message.type === "request") this.scaler?.arrived();
    if (this.line !== null) {
      const waitUs = this.line.admit(this.world.nowUs, message.type === "request");
      if (waitUs > 0) this.world.after(waitUs, { kind: "served", node: this.index, message });
      else if (waitUs < 0 && message.type === "request") this.reply(message, false);
      if (waitUs !== 0) return;
    }
    this.handle(message);
  }

  /** A queued message's turn has come. */
  served(message: Message): void {
    if (this.up) this.handle(message);
  }

  crash(): void {
    this.up = false;
    this.sessions.clear();
    this.world.emit({ kind: "node_down", tUs: this.world.nowUs, node: this.name });
  }

  restart(): void {
    this.up = true;
    this.world.emit({ kind: "node_up", tUs: this.world.nowUs, node: this.name });
  }

  /** The autoscaler's measurement; launched instances come into service `launchUs` later. */
  autoscaleTick(): void {
    const { nowUs } = this.world;
    const scale = this.config.autoscale!;
    this.world.after(scale.periodUs, { kind: "autoscale-tick", node: this.index });
    // A fleet that is down (its region lost) launches nothing: its own control plane is gone.
    const launching = this.up ? this.scaler!.measure() : 0;
    if (launching === 0) return;
    this.world.emit({
      kind: "scale_out",
      tUs: nowUs,
      node: this.name,
      launching,
      instances: this.scaler!.planned,
      readyAtUs: nowUs + scale.launchUs,
    });
    this.world.after(scale.launchUs, {
      kind: "autoscale-ready",
      node: this.index,
      count: launching,
    });
  }

  instancesReady(count: number): void {
    const capacityPerS = this.scaler!.launched(count);
    this.line!.setCapacity(capacityPerS);
    const { instances } = this.scaler!;
    this.world.emit({
      kind: "capacity",
      tUs: this.world.nowUs,
      node: this.name,
      instances,
      capacityPerS,
    });
  }

  private handle(message: Message): void {
    if (message.type === "check") {
      this.world.send(this.name, message.client, {
        type: "check-reply",
        server: this.name,
        seq: message.seq,
      });
      return;
    }
    if (message.type !== "request") return;
    if (message.user >= 0) this.session(message.client, message.user, message.returning);
    this.world.emit({
      kind: "request_served",
      tUs: this.world.nowUs,
      node: this.name,
      client: message.client,
    });
    this.reply(message, true);
  }

  /** The user's session here, created at its first request; a returning user without one lost it. */
  private session(client: string, user: number, returning: boolean): void {
    let held = this.sessions.get(client);
    if (held === undefined || held.length <= user) {
      const grown = new Uint8Array(Math.max(64, 2 * (user + 1)));
      if (held !== undefined) grown.set(held);
      this.sessions.set(client, (held = grown));
    }
    if (held[user] === 1) return;
    held[user] = 1;
    if (returning)
      this.world.emit({
        kind: "session_lost",
        tUs: this.world.nowUs,
        client,
        node: this.name,
        user,
      });
  }

  private reply(message: Message & { type: "request" }, ok: boolean): void {
    // No log: timelineId -1 tells the client there is no history entry to mark.
    this.world.send(this.name, message.client, {
      type: "write-reply",
      id: message.id,
      ok,
      timelineId: -1,
      position: 0,
    });
  }
}
