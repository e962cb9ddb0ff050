// Client timeouts on lanes of their own: a client's write and read timeouts come a fixed delay
// after each attempt, so in time order, and go through one engine lane per client and kind
// (engine/event-lane.ts) instead of the queue, which keeps the queue small. A lane drops a
// timeout whose attempt was already answered at its head, undispatched: the handler would have
// done nothing with it.
import type { EventLane, Simulation } from "../engine/index.ts";
import type { ClientGroup } from "./client-group.ts";
import type { WorldEvent } from "./messages.ts";

export class TimeoutLanes {
  private readonly writes: EventLane<WorldEvent>[] = [];
  private readonly reads: EventLane<WorldEvent>[] = [];

  constructor(
    private readonly simulation: Simulation<WorldEvent>,
    private readonly clientAt: (index: number) => ClientGroup,
  ) {}

  /** Schedules `event` at `timeUs`: a timeout on its client's lane, anything else in the queue. */
  at(timeUs: number, event: WorldEvent): void {
    if (event.kind === "write-timeout")
      this.simulation.atInLane(this.writeLane(event.client), timeUs, event);
    else if (event.kind === "read-timeout")
      this.simulation.atInLane(this.readLane(event.client), timeUs, event);
    else this.simulation.at(timeUs, event);
  }

  private writeLane(client: number): EventLane<WorldEvent> {
    const group = this.clientAt(client);
    return (this.writes[client] ??= this.simulation.lane(
      (event) => event.kind !== "write-timeout" || group.awaits(event.id, event.attempt),
    ));
  }

  private readLane(client: number): EventLane<WorldEvent> {
    const reads = this.clientAt(client).reader!;
    return (this.reads[client] ??= this.simulation.lane(
      (event) => event.kind !== "read-timeout" || reads.awaits(event.id),
    ));
  }
}
