// A client group's load balancer in front of an active-active pool, with HAProxy's health-check
// semantics: every `interval` it sends each server a check; a check not answered within
// `timeout` (at most the interval, so one round is open at a time) has failed; a server in
// rotation is taken out after `fall` consecutive failed checks, one out of rotation is put back
// after `rise` consecutive good ones. Every server starts in rotation. Requests go round-robin
// over the servers in rotation, or — for users whose sessions live in a server's memory — stay
// with the user's server while it is in rotation (sticky), moving to the next one when it is not.
// When no server is in rotation the balancer refuses requests at once (HAProxy's 503).
import type { Message, WorldEvent } from "./messages.ts";
import type { TraceEvent } from "./trace.ts";

/** A load balancer beside the clients in front of an active-active pool (HAProxy semantics): it
 *  checks every server each `intervalUs`; a check unanswered within `timeoutUs` (≤ interval)
 *  fails; a server is taken out of rotation after `fall` consecutive failed checks and put
 *  back after `rise` consecutive good ones. Requests go only to servers in rotation. */
export interface LoadBalancerConfig {
  servers: string[];
  intervalUs: number;
  timeoutUs: number;
  rise: number;
  fall: number;
}

export interface BalancerWorld {
  readonly nowUs: number;
  send(source: string, target: string, message: Message): void;
  at(timeUs: number, event: WorldEvent): void;
  emit(event: TraceEvent): void;
}

export class LoadBalancer {
  private readonly inRotation: boolean[];
  private readonly goodStreak: number[];
  private readonly badStreak: number[];
  /** The round each server last answered within its deadline. */
  private readonly answered: number[];
  private round = 0;
  private nextServer = 0;
  /** memory sessions: each user's server (-1: none yet). */
  private readonly home: Int32Array | null;

  constructor(
    private readonly config: LoadBalancerConfig,
    private readonly client: { readonly name: string; readonly index: number },
    users: number,
    sticky: boolean,
    private readonly world: BalancerWorld,
  ) {
    const count = config.servers.length;
    this.inRotation = new Array<boolean>(count).fill(true);
    this.goodStreak = new Array<number>(count).fill(0);
    this.badStreak = new Array<number>(count).fill(0);
    this.answered = new Array<number>(count).fill(0);
    this.home = sticky ? new Int32Array(users).fill(-1) : null;
  }

  start(): void {
    this.world.at(0, { kind: "lb-tick", client: this.client.index });
  }

  /** A round of checks: one to every server, judged at its deadline. */
  tick(): void {
    const { nowUs } = this.world;
    const seq = ++this.round;
    for (const server of this.config.servers)
      this.world.send(this.client.name, server, { type: "check", client: this.client.name, seq });
    this.world.at(nowUs + this.config.timeoutUs, {
      kind: "lb-deadline",
      client: this.client.index,
      seq,
    });
    this.world.at(nowUs + this.config.intervalUs, { kind: "lb-tick", client: this.client.index });
  }

  reply(server: string, seq: number): void {
    const index = this.config.servers.indexOf(server);
    if (index >= 0 && seq === this.round) this.answered[index] = seq;
  }

  /** Round `seq` is over: each server's check passed or failed. */
  deadline(seq: number): void {
    const { rise, fall, servers } = this.config;
    for (let i = 0; i < servers.length; i++) {
      if (this.answered[i] === seq) {
        this.badStreak[i] = 0;
        this.goodStreak[i]++;
        if (!this.inRotation[i] && this.goodStreak[i] >= rise) this.setRotation(i, true);
      } else {
        this.goodStreak[i] = 0;
        this.badStreak[i]++;
        if (this.inRotation[i] && this.badStreak[i] >= fall) this.setRotation(i, false);
      }
    }
  }

  /** The server's pod turned NotReady (the kubelet saw its container exit, restart-policy.ts):
   *  out of rotation now, without waiting for failed checks; it needs `rise` good ones back. */
  notReady(server: string): void {
    const index = this.config.servers.indexOf(server);
    if (index < 0) return;
    this.goodStreak[index] = 0;
    if (this.inRotation[index]) this.setRotation(index, false, true);
  }

  /** The server for a request of `user` (-1: anonymous), or null when none is in rotation. */
  target(user: number): string | null {
    const home = this.home;
    if (home !== null && user >= 0) {
      const current = home[user];
      if (current >= 0 && this.inRotation[current]) return this.config.servers[current];
      const next = this.nextInRotation();
      if (next < 0) return null;
      home[user] = next;
      return this.config.servers[next];
    }
    const next = this.nextInRotation();
    return next < 0 ? null : this.config.servers[next];
  }

  private nextInRotation(): number {
    const count = this.config.servers.length;
    for (let step = 0; step < count; step++) {
      const index = (this.nextServer + step) % count;
      if (this.inRotation[index]) {
        this.nextServer = (index + 1) % count;
        return index;
      }
    }
    return -1;
  }

  private setRotation(index: number, inRotation: boolean, notReady = false): void {
    this.inRotation[index] = inRotation;
    const event = {
      tUs: this.world.nowUs,
      client: this.client.name,
      node: this.config.servers[index],
    };
    if (inRotation) this.world.emit({ kind: "lb_up", ...event });
    else this.world.emit({ kind: "lb_down", ...event, ...(notReady && { notReady: true }) });
  }
}
