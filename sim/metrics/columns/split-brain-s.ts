// Split brain: total time, within [0, duration], during which two or more nodes are at once
// up (between node_up and node_down; every node starts up), not paused, and in role "primary" —
// each of them accepting writes from whoever reaches it. A primary that crashed stops counting at
// node_down even if its role is never updated; it counts again if it restarts still primary. A
// paused primary accepts nothing while paused; the writes it takes when it wakes count as
// divergent_writes.
// Memory: one flag pair per node.
import type { TraceEvent, TraceRole } from "../../model/index.ts";
import { defineMetric } from "../metric.ts";
import { secondsOf, type TraceObserver } from "../observer.ts";

export class SplitBrainObserver implements TraceObserver {
  readonly reads = [
    "role",
    "node_down",
    "node_up",
    "node_paused",
    "node_resumed",
    "run_end",
  ] as const;
  private readonly down = new Set<string>();
  private readonly roleOf = new Map<string, TraceRole>();
  /** Number of nodes that are up and primary, as of `sinceUs`. */
  private livePrimaries = 0;
  private sinceUs = 0;
  private splitUs = 0;

  constructor(private readonly durationUs: number) {}

  observe(event: TraceEvent): void {
    const { kind } = event;
    if (
      kind !== "role" &&
      kind !== "node_down" &&
      kind !== "node_up" &&
      kind !== "node_paused" &&
      kind !== "node_resumed" &&
      kind !== "run_end"
    ) {
      return;
    }
    this.advanceTo(event.tUs);
    if (event.kind === "role") this.roleOf.set(event.node, event.role);
    else if (event.kind === "node_down" || event.kind === "node_paused")
      this.down.add(`${event.kind === "node_paused" ? "paused:" : ""}${event.node}`);
    else if (event.kind === "node_up") this.down.delete(event.node);
    else if (event.kind === "node_resumed") this.down.delete(`paused:${event.node}`);
    this.livePrimaries = this.countLivePrimaries();
  }

  seconds(): number {
    return secondsOf(this.splitUs);
  }

  /** Credits the time since the last change, clipped to the run duration. */
  private advanceTo(nowUs: number): void {
    const endUs = Math.min(nowUs, this.durationUs);
    if (this.livePrimaries >= 2 && endUs > this.sinceUs) this.splitUs += endUs - this.sinceUs;
    this.sinceUs = Math.max(this.sinceUs, endUs);
  }

  private countLivePrimaries(): number {
    let count = 0;
    for (const [node, role] of this.roleOf)
      if (role === "primary" && !this.down.has(node) && !this.down.has(`paused:${node}`)) count++;
    return count;
  }
}

export const splitBrainS = defineMetric({
  column: "split_brain_s",
  definition:
    "total time within [0, duration] during which two or more nodes are both running and " +
    "in the primary role (so both would accept writes). Under `min-replicas` fencing a primary " +
    "refuses writes as soon as too few replicas are fresh, but its role shows fenced only from " +
    "its next status check, so this may count up to `replication.statusInterval` more per " +
    "episode; a primary that refuses writes for another reason (a `readOnly` fault, too small " +
    "an in-sync set) keeps the role and is counted",
  explanation:
    "Total time during which two or more running nodes were in the primary role, so both " +
    "would accept writes.",
  format: "seconds",
  measure: ({ config, observe }) => {
    const splitBrain = observe(new SplitBrainObserver(config.durationUs));
    return () => splitBrain.seconds();
  },
});
