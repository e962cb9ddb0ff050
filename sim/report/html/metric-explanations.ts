// One sentence per summary metric, for report.html's summary table: the Metrics table of
// docs/metrics.md (the exact definitions) shortened to what a reader needs beside the number. A
// metric added to metric-names.ts without a sentence here fails to compile.
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
  reads_attempted: "Reads issued by all clients during the run.",
  reads_served: "Reads answered by a database node within the client's timeout (whether or not the answer was up to date).",
  reads_failed: "Reads refused (by a node neither primary nor running standby, or over capacity) or timed out.",
  ryw_violations:
    "Read-your-writes violations: reads answered by a node that had not applied the reading connection's last acknowledged write — a lagging standby, or a node on another timeline.",
  sessions_lost:
    "Times a user of a pool with sessions in server memory had to log in again: served by a server that no longer (or never) held the session, after a crash, a restart or a move by the load balancer.",
  min_group_availability: "The availability of the worst client group: each group's acknowledged writes as a fraction of its attempted writes, the lowest.",
  max_group_downtime_s: "The downtime of the worst client group: downtime_s computed on each group's own writes, the longest.",
};
