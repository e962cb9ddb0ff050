// Client timeouts on lanes of their own: a client's write and read timeouts come a fixed delay
// after each attempt, so in time order, and go through one engine lane per client and kind
// (engine/event-lane.ts) instead of the queue, which keeps the queue small. A lane drops a
// timeout whose attempt was already answered at its head, undispatched: the handler would have
// done nothing with it — and its object is reused for a later timeout.
import type { EventLane, Simulation } from "../engine/index.ts";
import type { ClientGroup } from "./client-group.ts";
import type { WorldEvent } from "./messages.ts";

type WriteTimeout = Extract<WorldEvent, { kind: "write-timeout" }>;

export class TimeoutLanes {
  private readonly writes: EventLane<WorldEvent>[] = [];
  private readonly reads: EventLane<WorldEvent>[] = [];
  /** Write timeouts a lane dropped as moot, to be filled in again: a timeout waits a whole
   *  client timeout in its lane, long enough for the garbage collector to move it out of the
   *  young generation, so a busy run reuses these objects instead of promoting one per write. */
  private readonly spareWriteTimeouts: WriteTimeout[] = [];

  constructor(
    private readonly simulation: Simulation<WorldEvent>,
    private readonly clientAt: (index: number) => ClientGroup,
  ) {}

  /** Schedules `event` at `timeUs`: a timeout on its client's lane, anything else in the queue. */
  at(timeUs: number, event: WorldEvent): void {
    if (event.kind === "write-timeout")
      this.writeTimeout(timeUs, event.client, event.id, event.attempt);
    else if (event.kind === "read-timeout")
      this.simulation.atInLane(this.readLane(event.client), timeUs, event);
    else this.simulation.at(timeUs, event);
  }

  /** A write timeout, from its values: the same as at() with its event, without the event being
   *  made only to be copied (a client schedules one per attempt). */
  writeTimeout(timeUs: number, client: number, id: number, attempt: number): void {
    this.simulation.atInLane(this.writeLane(client), timeUs, this.kept(client, id, attempt));
  }

  private writeLane(client: number): EventLane<WorldEvent> {
    const group = this.clientAt(client);
    const spare = this.spareWriteTimeouts;
    return (this.writes[client] ??= this.simulation.lane(
      (event) => event.kind !== "write-timeout" || group.awaits(event.id, event.attempt),
      (event) => spare.push(event as WriteTimeout),
    ));
  }

  /** The timeout as the lane keeps it: a spare object filled in, or a new one. */
  private kept(client: number, id: number, attempt: number): WriteTimeout {
    const event = this.spareWriteTimeouts.pop();
    if (event === undefined) return { kind: "write-timeout", client, id, attempt };
    event.client = client;
    event.id = id;
    event.attempt = attempt;
    return event;
  }

  private readLane(client: number): EventLane<WorldEvent> {
    const reads = this.clientAt(client).reader!;
    return (this.reads[client] ??= this.simulation.lane(
      (event) => event.kind !== "read-timeout" || reads.awaits(event.id),
    ));
  }
}
