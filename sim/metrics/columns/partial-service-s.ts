// Partial service: total time, within [0, duration], during which a partial stand-in — a node
// whose `serves` leaves out some client group — is up and in role "primary": the writable
// primary then refuses every write and read of the other groups. It shows in the availability
// figures through those refusals: they are failed writes of the groups not served (groups.csv,
// min_group_availability), while the groups served keep theirs. A crashed stand-in stops counting
// at node_down, as in split_brain_s. Memory: the partial nodes' roles and states.
import type { TraceEvent, TraceRole } from "../../model/index.ts";
import { defineMetric } from "../metric.ts";
import { secondsOf, type TraceObserver } from "../observer.ts";

export class PartialServiceObserver implements TraceObserver {
  readonly reads = ["role", "node_down", "node_up", "run_end"] as const;
  private readonly roleOf = new Map<string, TraceRole>();
  private readonly down = new Set<string>();
  private serving = false;
  private sinceUs = 0;
  private partialUs = 0;

  /** `partial`: the names of the nodes with `serves`. */
  constructor(
    private readonly partial: ReadonlySet<string>,
    private readonly durationUs: number,
  ) {}

  observe(event: TraceEvent): void {
    if (
      (event.kind !== "role" && event.kind !== "node_down" && event.kind !== "node_up") ||
      !this.partial.has(event.node)
    ) {
      if (event.kind === "run_end") this.advanceTo(event.tUs);
      return;
    }
    this.advanceTo(event.tUs);
    if (event.kind === "role") this.roleOf.set(event.node, event.role);
    else if (event.kind === "node_down") this.down.add(event.node);
    else this.down.delete(event.node);
    this.serving = [...this.roleOf].some(
      ([node, role]) => role === "primary" && !this.down.has(node),
    );
  }

  seconds(): number {
    return secondsOf(this.partialUs);
  }

  private advanceTo(nowUs: number): void {
    const endUs = Math.min(nowUs, this.durationUs);
    if (this.serving && endUs > this.sinceUs) this.partialUs += endUs - this.sinceUs;
    this.sinceUs = Math.max(this.sinceUs, endUs);
  }
}

export const partialServiceS = defineMetric({
  column: "partial_service_s",
  definition:
    "total time within [0, duration] during which a partial stand-in (a node whose `serves` " +
    "leaves out a client group) " +
    "is running and in the primary role, so that only the client groups it serves can write " +
    "or read; the other groups' writes are refused and count as failed in `availability`, " +
    "`downtime_s` and their own rows of groups.csv (so `min_group_availability` shows the " +
    "worst-served group), while the groups served keep theirs",
  explanation:
    "Total time a partial stand-in served as primary, taking only its client groups' writes " +
    "and refusing the others'.",
  format: "seconds",
  measure: ({ config, observe }) => {
    const groups = config.clients.map((client) => client.name);
    const partial = new Set(
      config.nodes
        .filter((node) => node.serves !== null && groups.some((g) => !node.serves!.includes(g)))
        .map((node) => node.name),
    );
    const observer = observe(new PartialServiceObserver(partial, config.durationUs));
    return () => observer.seconds();
  },
});
