// Pacemaker / Corosync: Corosync's totem protocol notices a lost member when the token does not
// come back within `token`, agrees on a new membership within `consensus`, and the controller of
// the quorate partition fences the lost node (STONITH) before it starts the resource elsewhere.
// How it maps onto the model: a timeout detector whose timeout is token + consensus + join; the
// model's STONITH device powers the old primary off before the promotion; with the default
// resource-stickiness 0 the resource returns to its preferred node, an "immediate" failback.
// Assumptions: a two-node cluster (with N ≥ 3 nodes add 650 ms per node beyond two); replication
// belongs to the resource (DRBD, a database agent) and is left to the scenario (async by default;
// `{ replication: { mode: "sync" } }` for DRBD protocol C); the model has no reboot after fencing
// (fencing-action reboot): a scenario restarts the fenced node itself.
import { withOverrides } from "../policy-merge.ts";
import type { PolicyOverrides, PolicySpecOf } from "../policy-spec.ts";

/**
 * Pacemaker / Corosync defaults.
 * - Detector: timeout 6.65 s = token 3000 ms + consensus 3600 ms + join 50 ms; token every 238 ms.
 * - Fencing: STONITH, fencing-timeout 60 s, no delay (pcmk_delay_base/max 0), 10 attempts.
 * - Failback immediate (resource-stickiness 0). No anti-flapping block (migration-threshold INFINITY).
 * - Typical failover ≈ 12–13 s: 6.65 s membership + 5 s power-off + 1 s promotion.
 */
export function pacemaker(overrides: PolicyOverrides = {}): PolicySpecOf<"pacemaker"> {
  return withOverrides(
    {
      preset: "pacemaker",
      detector: {
        kind: "timeout",
        /** token_retransmit 238 ms with two nodes (corosync/corosync man/corosync.conf.5). */
        interval: "238ms",
        /** token 3000 ms + consensus 1.2 × token = 3600 ms + join 50 ms (corosync/corosync man/corosync.conf.5). */
        timeout: "6650ms",
      },
      failover: {
        /** The controller of the quorate partition decides alone. */
        quorum: 1,
        /** fencing-enabled (stonith-enabled) true (ClusterLabs/pacemaker doc/sphinx/Pacemaker_Explained/cluster-options.rst). */
        fencing: "stonith",
        /** pcmk_delay_base / pcmk_delay_max 0 s, priority-fencing-delay 0, fencing-timeout
         *  (stonith-timeout) 60 s, stonith-max-attempts 10 (Pacemaker_Explained fencing.rst,
         *  cluster-options.rst). The power-off itself keeps the project's 5 s (model/fencing/stonith.ts). */
        stonith: { delay: "0s", timeout: "60s", maxAttempts: 10 },
        /** resource-stickiness 0: the resource moves back to its preferred node (Pacemaker_Explained resources.rst). */
        failback: "immediate",
        /** The cluster starts the resource on the returning node in its secondary role at once. */
        rejoin: "standby",
        /** migration-threshold INFINITY and failure-timeout 0: no block (Pacemaker_Explained resources.rst). */
        blockFor: "0s",
      },
    },
    overrides,
  );
}
