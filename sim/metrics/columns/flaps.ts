// Flaps: promotions that hand the primary role back to a node that lost it recently. A node
// "loses" the role at a `role` event that moves it from "primary" to anything else (demoted,
// rejoining after a restart, …); a later `promoted` event for the same node no more than
// failover.flapWindowUs after that loss is one flap. A crash alone is not a loss: the trace
// keeps a crashed primary's role until the node rejoins or is demoted.
// Memory: one timestamp per data node.
import type { TraceEvent, TraceRole } from "../../model/index.ts";
import { defineMetric } from "../metric.ts";
import type { TraceObserver } from "../observer.ts";

export class FlapsObserver implements TraceObserver {
  readonly reads = ["role", "promoted"] as const;
  private readonly roleOf = new Map<string, TraceRole>();
  private readonly lostPrimaryUs = new Map<string, number>();
  private flaps = 0;

  constructor(private readonly flapWindowUs: number) {}

  observe(event: TraceEvent): void {
    if (event.kind === "role") {
      if (this.roleOf.get(event.node) === "primary" && event.role !== "primary") {
        this.lostPrimaryUs.set(event.node, event.tUs);
      }
      this.roleOf.set(event.node, event.role);
    } else if (event.kind === "promoted") {
      const lostUs = this.lostPrimaryUs.get(event.node);
      if (lostUs !== undefined && event.tUs - lostUs <= this.flapWindowUs) this.flaps++;
    }
  }

  count(): number {
    return this.flaps;
  }
}

export const flaps = defineMetric({
  column: "flaps",
  definition:
    "promotions that give the primary role to a node that lost it (a role change away " +
    "from primary; a crash alone is not one) no more than `failover.flapWindow` earlier",
  explanation:
    "Promotions that gave the primary role back to a node that had lost it within the " +
    "flap window.",
  format: "count",
  measure: ({ config, observe }) => {
    const flaps = observe(new FlapsObserver(config.failover.flapWindowUs));
    return () => flaps.count();
  },
});
