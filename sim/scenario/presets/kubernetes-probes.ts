// Kubernetes readiness probes: the kubelet probes a pod periodically; failureThreshold misses in a
// row take it out of its Services' endpoints, successThreshold passes put it back.
// How it maps onto the model: the consecutive detector with the probe defaults; "failover" is the
// Service sending traffic to the ready standby, and "immediate" failback is the readiness probe
// putting the original pod back as soon as it passes. Kubernetes itself replicates nothing and
// fences nothing (ordinary pods), so replication is left to the scenario (the model's default,
// async) and fencing is none.
// Not modelled: liveness restarts with their back-off, node failure (node-monitor-grace-period
// 40–50 s, then 300 s of NoExecute tolerations), endpoint propagation through kube-proxy.
import { withOverrides } from "../policy-merge.ts";
import type { PolicyOverrides, PolicySpecOf } from "../policy-spec.ts";

/**
 * Kubernetes probe defaults.
 * - Detector: consecutive, periodSeconds 10, timeoutSeconds 1, failureThreshold 3, successThreshold 1.
 * - Failback immediate (readiness); no fencing; no anti-flapping; replication not set (async).
 * - Typical failover ≈ 22–32 s: (failureThreshold − 1) × period + timeout, plus where in the period
 *   the failure lands, plus the 1 s promotion of a hot standby.
 */
export function kubernetesProbes(
  overrides: PolicyOverrides = {},
): PolicySpecOf<"kubernetesProbes"> {
  return withOverrides(
    {
      preset: "kubernetesProbes",
      detector: {
        kind: "consecutive",
        /** periodSeconds 10, timeoutSeconds 1, failureThreshold 3, successThreshold 1
         *  (kubernetes.io, configure liveness, readiness and startup probes). */
        interval: "10s",
        probeTimeout: "1s",
        failures: 3,
        successes: 1,
      },
      failover: {
        quorum: 1,
        /** None for ordinary pods (kubernetes.io). */
        fencing: "none",
        /** A pod that passes its readiness probe is back in the endpoints at once. */
        failback: "immediate",
        /** A restarted pod serves again once its probes pass: nothing to rewind at this layer. */
        rejoin: "standby",
        /** Readiness has no damping beyond successThreshold. */
        blockFor: "0s",
      },
    },
    overrides,
  );
}
