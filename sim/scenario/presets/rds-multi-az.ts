// AWS RDS Multi-AZ (DB instance): a synchronous standby in another availability zone; AWS
// detects the failure, promotes the standby and points the endpoint's DNS name at it.
// How it maps onto the model: synchronous commits to one standby (as "semi-sync", see below);
// "epoch" fencing for the managed switch (storage refuses the old primary once the standby is
// promoted); no failback.
// Assumptions: AWS publishes only the total — usually 60–120 s — not how detection and promotion
// split it. We take a 30 s detection timeout (our assumption, Sentinel-like) and put the rest —
// crash recovery on the standby and the DNS switch — into a 60 s promoteIn: promoted ≈ 90 s
// after a crash, mid-range; the new primary then waits 10 s for its lost standby before it
// commits alone, so writes resume at ≈ 100 s. The endpoint's DNS TTL and the clients' caches
// (JVM: 30 s) are the clients' routing, not the policy's: a scenario gives its clients
// `routing: { dns: { ttl } }` to add them; with the default proxy routing, client-visible times
// are optimistic.
import { withOverrides } from "../policy-merge.ts";
import type { PolicyOverrides, PolicySpecOf } from "../policy-spec.ts";

/**
 * RDS Multi-AZ DB instance defaults.
 * - Replication: synchronous to one standby (RPO 0); alone after 10 s without it.
 * - Detector: timeout 30 s, polled every 1 s (our assumption; detection is internal to AWS).
 * - Promotion 60 s (our assumption): promoted ≈ 90 s after a crash, writes ≈ 100 s (documented:
 *   usually 60–120 s).
 * - Fencing: managed (epoch). Failback never. No user-visible anti-flapping.
 */
export function rdsMultiAz(overrides: PolicyOverrides = {}): PolicySpecOf<"rdsMultiAz"> {
  return withOverrides(
    {
      preset: "rdsMultiAz",
      /** Our assumption: AWS does not document its detection (docs.aws.amazon.com, RDS Multi-AZ failover). */
      detector: { kind: "timeout", interval: "1s", timeout: "30s" },
      /** Multi-AZ DB instance: synchronous to one standby (docs.aws.amazon.com, Concepts.MultiAZ).
       *  "semi-sync", not "sync": a lost standby is replaced while the primary carries on alone,
       *  whereas the model's strict sync would stall the promoted primary for ever (its only standby
       *  is the dead old primary). The wait before going alone is our assumption: MySQL's 10 s. */
      replication: { mode: "semi-sync", waitFor: 1, semiSyncTimeout: "10s" },
      failover: {
        quorum: 1,
        /** Managed: users do not see split brain; the promoted standby's epoch wins. */
        fencing: "epoch",
        /** The failed primary is repaired or replaced and becomes the new standby. */
        failback: "never",
        blockFor: "0s",
      },
      standby: {
        /** Usually 60–120 s in all (docs.aws.amazon.com, Concepts.MultiAZ.Failover): 120 s − 30 s of
         *  detection would be the slow end; 60 s promotes ≈ 90 s after a crash, mid-range (our assumption). */
        promoteIn: "60s",
      },
    },
    overrides,
  );
}
