// A group of clients in one zone writing through a proxy router that sits beside them.
// Writes arrive as a Poisson process (or evenly spaced, for hand-checkable scenarios) during
// the run; each goes to the router's current target and has failed if no acknowledgement is
// back within the client timeout. The router follows the controller's reroute commands, newest
// epoch wins; a reroute it never receives (say, across a partition) leaves it pointing at the
// old primary.
import type { Rng } from "../engine/index.ts";
import type { ClientConfig } from "./config.ts";
import type { Command } from "./cluster-state.ts";
import type { History } from "./history.ts";
import type { Message, WorldEvent } from "./messages.ts";
import type { TraceEvent } from "./trace.ts";

export interface ClientWorld {
  readonly nowUs: number;
  readonly durationUs: number;
  readonly history: History;
  send(source: string, target: string, message: Message): void;
  at(timeUs: number, event: WorldEvent): void;
  emit(event: TraceEvent): void;
  nextWriteId(): number;
}

export class ClientGroup {
  private target: string;
  private routerEpoch = 1;
  private readonly inFlight = new Map<number, number>();
  private issued = 0;
  private readonly gapUs: number;

  constructor(
    readonly config: ClientConfig,
    readonly index: number,
    primary: string,
    private readonly rng: Rng,
    private readonly world: ClientWorld,
  ) {
    this.target = primary;
    this.gapUs = config.writesPerSecond > 0 ? 1e6 / config.writesPerSecond : Infinity;
  }

  get name(): string {
    return this.config.name;
  }

  /** Schedules the first write. */
  start(): void {
    this.scheduleNext(0);
  }

  issue(): void {
    const nowUs = this.world.nowUs;
    const id = this.world.nextWriteId();
    this.issued++;
    this.inFlight.set(id, nowUs);
    this.world.emit({ kind: "write_issued", tUs: nowUs, client: this.name, id });
    this.world.send(this.name, this.target, { type: "write", client: this.name, id });
    this.world.at(nowUs + this.config.timeoutUs, { kind: "write-timeout", client: this.index, id });
    this.scheduleNext(nowUs);
  }

  timeout(id: number): void {
    const issuedUs = this.inFlight.get(id);
    if (issuedUs === undefined) return;
    this.inFlight.delete(id);
    this.world.emit({ kind: "write_failed", tUs: this.world.nowUs, client: this.name, id, issuedUs, reason: "timeout" });
  }

  receive(message: Message): void {
    if (message.type === "command") this.obey(message.command);
    if (message.type !== "write-reply") return;
    const issuedUs = this.inFlight.get(message.id);
    if (issuedUs === undefined) return; // too late: the client already gave up
    this.inFlight.delete(message.id);
    const tUs = this.world.nowUs;
    if (message.ok) {
      const history = this.world.history;
      history.markAcked(history.timelines[message.timelineId], message.position);
      this.world.emit({ kind: "write_acked", tUs, client: this.name, id: message.id, issuedUs });
    } else {
      this.world.emit({ kind: "write_failed", tUs, client: this.name, id: message.id, issuedUs, reason: "rejected" });
    }
  }

  private obey(command: Command): void {
    if (command.kind !== "reroute" || command.epoch <= this.routerEpoch) return;
    this.routerEpoch = command.epoch;
    if (command.target === this.target) return;
    this.target = command.target;
    this.world.emit({ kind: "reroute", tUs: this.world.nowUs, client: this.name, target: this.target });
  }

  private scheduleNext(nowUs: number): void {
    if (this.config.writesPerSecond <= 0) return;
    const nextUs =
      this.config.arrivals === "uniform"
        ? Math.round(this.issued * this.gapUs)
        : nowUs + Math.round(this.rng.exponential(this.gapUs));
    if (nextUs < this.world.durationUs) this.world.at(nextUs, { kind: "issue-write", client: this.index });
  }
}
