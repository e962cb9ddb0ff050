// DNS failover with Amazon Route 53: health checkers in many regions probe the endpoint; each
// flips its verdict after FailureThreshold results in a row, and failover routing serves the
// secondary record while the primary is unhealthy (when at most 18 % of checkers call it healthy).
// How it maps onto the model: each monitor is a checker, a consecutive detector with
// RequestInterval and FailureThreshold; failover.quorum is how many checkers must see it down —
// with N checkers, N − ⌊0.18 N⌋ (3 of 3; the preset keeps 1, a scenario sets its own); the record
// switch is immediate (promoteIn 0); the same number of passes restores the primary (failback).
// The record's TTL (≤ 60 s recommended) and the resolvers' and clients' caches are the clients'
// routing, not the policy's: with `clients.routing: { dns: { ttl } }` a scenario adds them; with
// the default proxy routing clients repoint at once, and client-visible times are optimistic by
// up to a TTL or more.
// Route 53 replicates nothing: replication is left to the scenario (async by default).
import { withOverrides } from "../policy-merge.ts";
import type { PolicyOverrides, PolicySpecOf } from "../policy-spec.ts";

/**
 * Route 53 health-check defaults.
 * - Detector: consecutive, RequestInterval 30 s, FailureThreshold 3 (passes to recover: 3), HTTP
 *   connect within 4 s.
 * - Failback immediate; no fencing; no anti-flapping beyond the passes; promoteIn 0.
 * - Typical failover ≈ 64–94 s before DNS TTL and client caching (documented ≈ 90–150 s with them).
 */
export function route53(overrides: PolicyOverrides = {}): PolicySpecOf<"route53"> {
  return withOverrides(
    {
      preset: "route53",
      detector: {
        kind: "consecutive",
        /** RequestInterval 30 s (10 s "fast"), FailureThreshold 3, HTTP(S) connect within 4 s; the same
         *  number of passes makes an endpoint healthy again (docs.aws.amazon.com Route53 DeveloperGuide,
         *  dns-failover-determining-health-of-endpoints). */
        interval: "30s",
        probeTimeout: "4s",
        failures: 3,
        successes: 3,
      },
      failover: {
        /** Healthy while more than 18 % of checkers say so; set N − ⌊0.18 N⌋ for N monitors. */
        quorum: 1,
        fencing: "none",
        /** The primary record is served again once it passes. */
        failback: "immediate",
        blockFor: "0s",
      },
      /** Failover routing answers with the secondary record at once; the record's TTL and the
       *  clients' caches are the clients' routing (`clients.routing: { dns: { ttl } }`). */
      standby: { promoteIn: "0s" },
    },
    overrides,
  );
}
