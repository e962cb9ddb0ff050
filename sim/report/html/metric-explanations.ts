// One sentence per summary metric, for report.html's summary table: the README's Metrics table
// (the exact definitions) shortened to what a reader needs beside the number. A metric added to
// metric-names.ts without a sentence here fails to compile.
import type { MetricColumn } from "../../scenario/metric-names.ts";

export const metricExplanations: Readonly<Record<MetricColumn, string>> = {
  writes_attempted: "Writes issued by all clients during the run.",
  writes_acked: "Writes whose acknowledgement reached the client within its timeout.",
  writes_failed: "Writes rejected (sent to a node that was not primary) or timed out.",
  availability: "Acknowledged writes as a fraction of attempted writes.",
  downtime_s:
    "Client-observed downtime: each write owns the time until the next write is issued, and downtime is the time owned by failed writes.",
  failovers: "Promotions completed: a node started accepting writes as primary of a new epoch.",
  false_failovers: "Promotions completed while the primary they replaced was still running — unreachable, not dead.",
  failbacks: "Promotions that returned the primary role to the scenario's original primary.",
  flaps: "Promotions that gave the primary role back to a node that had lost it within the flap window.",
  split_brain_s: "Total time during which two or more running nodes were in the primary role, so both would accept writes.",
  lost_writes: "Writes acknowledged to a client but absent from the final authoritative history.",
  divergent_writes: "Writes accepted by a primary after another node's promotion to a newer epoch had completed.",
  detection_s: "For the worst incident, the time from the fault to the first suspicion by any monitor.",
  rto_s: "For the worst incident, the time from the fault until writes were acknowledged again after the last outage it caused.",
  rpo_s:
    "The worst age span of lost data: from the last write the surviving history kept to the newest lost acknowledged write.",
  max_lag_s: "The worst replication lag: when a standby applied an entry, minus when the primary accepted it.",
  standby_cost: "Running cost per hour of the nodes configured as standbys.",
};
