// Restarts: processes started again by their restart policy (restartPolicy "always"), one
// `auto_restart` event each — what Kubernetes' RESTARTS column counts; a scenario's own
// `restart()` faults are not counted. Memory: one counter.
import type { TraceEvent } from "../../model/index.ts";
import { defineMetric } from "../metric.ts";
import type { TraceObserver } from "../observer.ts";

class RestartsObserver implements TraceObserver {
  readonly reads = ["auto_restart"] as const;
  restarts = 0;

  observe(_event: TraceEvent): void {
    this.restarts++;
  }
}

export const restarts = defineMetric({
  column: "restarts",
  definition:
    'processes started again by their restart policy (`restartPolicy: "always"`), as ' +
    "Kubernetes' RESTARTS column counts them; a scenario's `restart()` is not one",
  explanation:
    "Times a restart policy started an exited process again (the first at once, then after " +
    "a doubling back-off).",
  format: "count",
  measure: ({ observe }) => {
    const observer = observe(new RestartsObserver());
    return () => observer.restarts;
  },
});
