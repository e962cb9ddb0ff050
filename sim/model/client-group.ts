// A group of clients in one zone. Writes arrive as a Poisson process (or evenly spaced, for
// hand-checkable scenarios) during the run and are spread, in turn, over the group's
// connections. Each connection finds the primary by the group's routing (routing/<kind>.ts: a
// proxy that follows the controller, a cached DNS record, a lookup in the coordination store
// after a failure); when its target changes it must reconnect before sending again. An attempt
// without an acknowledgement within the timeout, or rejected, has failed; it is retried after a
// backoff that doubles each time, and the write has failed once every attempt has.
// Load-balancer routing (load-balancer.ts) sends the writes — a pool's requests — to the pool's
// servers instead, from the group's users in turn when it has sessions (one connection per
// user). Reads, when the group makes any, are reads.ts's. A circuit breaker, when the group has
// one (circuit-breaker.ts), decides whether each attempt goes out and how a failed one ends.
import type { Rng } from "../engine/index.ts";
import type { ClientConfig } from "./client-config.ts";
import { GroupBreaker } from "./circuit-breaker.ts";
import type { Command } from "./cluster-state.ts";
import type { History } from "./history.ts";
import { InFlight } from "./in-flight.ts";
import type { LoadBalancer } from "./load-balancer.ts";
import type { Message, WorldEvent } from "./messages.ts";
import { ClientReads } from "./reads.ts";
import { routingKindOf, type Connection, type Router, type RouterHost } from "./routing/index.ts";
import type { TraceEvent, WriteFailure, WriteTrace } from "./trace.ts";

export interface ClientWorld {
  readonly nowUs: number;
  readonly durationUs: number;
  readonly history: History;
  /** Every monitor: where a discovery lookup goes. */
  readonly monitors: readonly string[];
  send(source: string, target: string, message: Message): void;
  at(timeUs: number, event: WorldEvent): void;
  /** The same as at(timeUs, a write-timeout event of these values). */
  writeTimeout(timeUs: number, client: number, id: number, attempt: number): void;
  emit(event: TraceEvent): void;
  /** The per-write events, as values (trace-out.ts). */
  readonly trace: WriteTrace;
  nextWriteId(): number;
  /** The DNS record for the primary as a resolver gets it (null: the service is unreachable). */
  resolveDns(): string | null;
}

interface Write {
  readonly id: number;
  issuedUs: number;
  attempt: number;
  connection: number;
}

export class ClientGroup implements RouterHost {
  readonly connections: Connection[];
  private readonly router: Router;
  private readonly inFlight = new InFlight<Write>();
  private issued = 0;
  private readonly gapUs: number;
  /** Load-balancer routing only. */
  private readonly balancer: LoadBalancer | null;
  /** Only when the group reads. */
  private readonly reads: ClientReads | null = null;
  /** Memory sessions: users already served once (a session somewhere is expected). */
  private readonly served: Uint8Array | null = null;
  private readonly breaker: GroupBreaker | null;
  /** The next write's event: one object for all of them (events are never changed once made). */
  private readonly issueEvent: WorldEvent;

  constructor(
    readonly config: ClientConfig,
    readonly index: number,
    primary: string,
    private readonly rng: Rng,
    readonly world: ClientWorld,
    /** The running database nodes, where reads from standbys go; and the reads' own random stream. */
    readTargets: readonly string[] = [],
    readRng: Rng = rng,
  ) {
    this.gapUs = config.writesPerSecond > 0 ? 1e6 / config.writesPerSecond : Infinity;
    this.issueEvent = { kind: "issue-write", client: index };
    const connections = this.users;
    this.connections = Array.from({ length: connections }, () => ({
      target: primary,
      expiresUs: Infinity,
      readyAtUs: 0,
    }));
    this.router = routingKindOf(config.routing.kind).router(config.routing, this);
    this.balancer = this.router.balancer;
    if (this.balancer !== null && this.memorySessions) this.served = new Uint8Array(connections);
    if (config.readsPerSecond > 0)
      this.reads = new ClientReads(config, this, readTargets, readRng, world);
    this.breaker = config.breaker && new GroupBreaker(config.breaker, this, world);
  }

  get connectionCount(): number {
    return this.connections.length;
  }

  /** Connections: one per user when the group has sessions, else the configured count. */
  get users(): number {
    return this.config.sessions !== null ? this.config.sessions.users : this.config.connections;
  }

  get memorySessions(): boolean {
    return this.config.sessions !== null && this.config.sessions.store === "memory";
  }

  get timeoutUs(): number {
    return this.config.timeoutUs;
  }

  /** A connection's target now (reads.ts), after its routing refreshed it. */
  route(connection: number): Connection {
    const chosen = this.connections[connection];
    this.router.refresh(chosen);
    return chosen;
  }

  get name(): string {
    return this.config.name;
  }

  /** Schedules the first write, the first read and the first health-check round. */
  start(): void {
    this.scheduleNext(0);
    this.reads?.start();
    this.balancer?.start();
  }

  /** Reads and the load balancer (null when the group has none). */
  get reader(): ClientReads | null {
    return this.reads;
  }

  get loadBalancer(): LoadBalancer | null {
    return this.balancer;
  }

  issue(): void {
    const nowUs = this.world.nowUs;
    const id = this.world.nextWriteId();
    const connection = this.issued % this.connections.length;
    this.issued++;
    this.inFlight.add({ id, issuedUs: nowUs, attempt: 0, connection });
    this.world.trace.writeIssued(nowUs, this.name, id);
    this.attempt(id);
    this.scheduleNext(nowUs);
  }

  /** Sends the current attempt of a write through its connection (after any reconnect). */
  attempt(id: number): void {
    const write = this.inFlight.get(id);
    if (!write) return;
    const nowUs = this.world.nowUs;
    if (this.balancer !== null) {
      this.sendToPool(this.balancer, id, write);
      return;
    }
    const connection = this.connections[write.connection];
    this.router.refresh(connection);
    if (connection.readyAtUs > nowUs) {
      this.world.at(connection.readyAtUs, { kind: "client-send", client: this.index, id });
      return;
    }
    if (this.breaker !== null && !this.breaker.admit()) {
      this.attemptFailed(id, write, "breaker-open");
      return;
    }
    // A connection without an address (its DNS answer expired in an outage) sends nothing.
    if (connection.target !== "")
      this.world.send(this.name, connection.target, { type: "write", client: this.name, id });
    this.world.writeTimeout(nowUs + this.config.timeoutUs, this.index, id, write.attempt);
  }

  /** Load-balancer routing: to the server the balancer picks; refused at once when it has none. */
  private sendToPool(balancer: LoadBalancer, id: number, write: Write): void {
    if (this.breaker !== null && !this.breaker.admit()) {
      this.attemptFailed(id, write, "breaker-open");
      return;
    }
    const user = this.config.sessions !== null ? write.connection : -1;
    const server = balancer.target(user);
    if (server === null) {
      this.attemptFailed(id, write, "rejected");
      return;
    }
    const served = this.served;
    const message: Message =
      served !== null
        ? { type: "request", client: this.name, id, user, returning: served[user] === 1 }
        : { type: "request", client: this.name, id, user: -1, returning: false };
    this.world.send(this.name, server, message);
    this.world.writeTimeout(
      this.world.nowUs + this.config.timeoutUs,
      this.index,
      id,
      write.attempt,
    );
  }

  timeout(id: number, attempt: number): void {
    const write = this.inFlight.get(id);
    if (write && write.attempt === attempt) this.attemptFailed(id, write, "timeout");
  }

  /** Whether this attempt of a write still waits for its answer (its timeout would act). */
  awaits(id: number, attempt: number): boolean {
    const write = this.inFlight.get(id);
    return write !== undefined && write.attempt === attempt;
  }

  receive(message: Message): void {
    if (message.type !== "write-reply") {
      // Write replies are nearly all of a group's messages: they are told apart first.
      if (message.type === "command") this.obey(message.command);
      else if (message.type === "lookup-reply")
        this.router.lookupReply(message.primary, message.epoch);
      else if (message.type === "read-reply") this.reads?.reply(message);
      else if (message.type === "check-reply") this.balancer?.reply(message.server, message.seq);
      return;
    }
    const write = this.inFlight.get(message.id);
    if (write === undefined) return; // too late: the client already gave up
    if (!message.ok) {
      this.attemptFailed(message.id, write, "rejected");
      return;
    }
    this.inFlight.delete(message.id);
    this.breaker?.succeeded();
    if (message.timelineId >= 0) {
      const history = this.world.history;
      history.markAcked(history.timelines[message.timelineId], message.position);
      if (this.reads !== null)
        this.reads.acked(write.connection, message.timelineId, message.position);
    } else if (this.served !== null) {
      this.served[write.connection] = 1;
    }
    this.world.trace.writeAcked(this.world.nowUs, this.name, message.id, write.issuedUs);
  }

  private attemptFailed(id: number, write: Write, failure: WriteFailure): void {
    const nowUs = this.world.nowUs;
    if (failure !== "breaker-open") this.router.attemptFailed();
    const reason = this.breaker === null ? failure : this.breaker.failed(failure);
    if (reason !== "fallback" && write.attempt < this.config.retries) {
      const backoffUs = this.config.backoffUs * 2 ** write.attempt;
      write.attempt++;
      this.world.at(nowUs + backoffUs, { kind: "client-send", client: this.index, id });
      return;
    }
    this.inFlight.delete(id);
    this.world.emit({
      kind: "write_failed",
      tUs: nowUs,
      client: this.name,
      id,
      issuedUs: write.issuedUs,
      reason,
    });
  }

  /** The controller's reroute, to the routing (a proxy follows it). */
  private obey(command: Command): void {
    if (command.kind === "reroute") this.router.reroute(command.target, command.epoch);
  }

  breakerTimer(generation: number): void {
    this.breaker?.timer(generation);
  }

  lookupTimedOut(): void {
    this.router.lookupTimedOut();
  }

  retarget(target: string): void {
    for (const connection of this.connections)
      if (connection.target !== target) this.retargetConnection(connection, target);
  }

  retargetConnection(connection: Connection, target: string): void {
    connection.target = target;
    connection.readyAtUs = this.world.nowUs + this.config.reconnectUs;
    this.world.emit({ kind: "reroute", tUs: this.world.nowUs, client: this.name, target });
  }

  private scheduleNext(nowUs: number): void {
    if (this.config.writesPerSecond <= 0) return;
    const nextUs =
      this.config.arrivals === "uniform"
        ? Math.round(this.issued * this.gapUs)
        : nowUs + Math.round(this.rng.exponential(this.gapUs));
    if (nextUs < this.world.durationUs) this.world.at(nextUs, this.issueEvent);
  }
}
