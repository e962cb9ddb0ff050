// Orchestrator (MySQL, as run at GitHub): polls every instance, and recovers a master only when
// it is unreachable and its replicas agree replication is broken ("DeadMaster"); the
// orchestrator/raft leader promotes the most advanced replica, hooks update service discovery.
// How it maps onto the model: a timeout detector polled every InstancePollSeconds whose timeout
// covers the replicas' view (slave_net_timeout plus the next poll); the model's acting controller
// is the raft leader with a quorum; RecoveryPeriodBlockSeconds is the anti-flapping block; the
// failback is a human's graceful-master-takeover.
// Approximations: the holistic "all replicas agree" rule is folded into the timeout; a blocked
// recovery does not page the operator (real orchestrator lets a human start one at any time), so
// a second failure within the hour stays down; Consul/GLB discovery is folded into promoteIn.
import { defaults } from "../defaults.ts";
import { withOverrides } from "../policy-merge.ts";
import type { PolicyOverrides, PolicySpecOf } from "../policy-spec.ts";

/**
 * Orchestrator defaults.
 * - Detector: timeout, polled every 5 s, dead after 10 s without an answer.
 * - No fencing (hooks must do it); cross-zone promotion allowed.
 * - Anti-flapping: no automatic recovery for 3600 s after one.
 * - Failback manual, by an operator after 5–15 min. Replication async.
 * - Typical failover ≈ 8–13 s (GitHub: 10–13 s).
 */
export function orchestrator(overrides: PolicyOverrides = {}): PolicySpecOf<"orchestrator"> {
  return withOverrides(
    {
      preset: "orchestrator",
      detector: {
        kind: "timeout",
        /** InstancePollSeconds 5 (openark/orchestrator go/config/config.go). */
        interval: "5s",
        /** Replicas notice a dead master after the recommended slave_net_timeout = 4 s, orchestrator
         *  reads them at its next poll (≤ 5 s) and analyses every 1 s (openark/orchestrator
         *  docs/failure-detection.md): ≈ 10 s of silence. */
        timeout: "10s",
      },
      /** MySQL's default asynchronous replication; `{ mode: "semi-sync" }` gives MySQL's 10 s fallback. */
      replication: { mode: "async" },
      failover: {
        /** Only the orchestrator/raft leader with a quorum acts (the model's acting controller). */
        quorum: 1,
        /** None built in: PreFailoverProcesses / PostMasterFailoverProcesses hooks
         *  (openark/orchestrator docs/topology-recovery.md). */
        fencing: "none",
        /** PreventCrossDataCenterMasterFailover false (go/config/config.go). */
        crossZone: true,
        /** RecoveryPeriodBlockSeconds 3600 (openark/orchestrator docs/configuration-recovery.md,
         *  go/config/config.go). */
        blockFor: "3600s",
        /** graceful-master-takeover is run by a person (openark/orchestrator
         *  docs/topology-recovery.md). */
        failback: "manual",
        operator: { delay: defaults.failover.operatorDelay },
        /** FailMasterPromotionOnLagMinutes 0: no lag limit (go/config/config.go). */
        maxLagOnFailover: "unlimited",
      },
      standby: {
        /** ApplyMySQLPromotionAfterMasterFailover (RESET SLAVE ALL, read_only=0) plus the hooks that
         *  repoint Consul and GLB: our assumption, 1 s + 2 s, so that a crash lands in GitHub's
         *  published 10–13 s (github.blog, 2018-06-20, MySQL high availability at GitHub). */
        promoteIn: "3s",
      },
    },
    overrides,
  );
}
