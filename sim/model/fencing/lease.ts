// Lease fencing (Patroni's self-demotion): a primary holds a lease with the coordination store
// (the monitors), renewed every failover.lease.renewEvery, and demotes itself when no renewal has
// succeeded for renewEvery + retryTimeout, as its own clock runs (lease-holder.ts). The lease's
// settings are the scenario's failover.lease, which lease detection shares.
import { durationText, type Duration } from "../../dsl/index.ts";
import type { Rng } from "../../engine/index.ts";
import type { FencingKindModule } from "./fencing-kind.ts";

const sUs = 1_000_000;

/** A lease (Patroni's ttl, loop_wait, retry_timeout), for lease detection and lease fencing. */
export function drawLease(rng: Rng): {
  ttl: Duration;
  renewEvery: Duration;
  retryTimeout: Duration;
} {
  const renewEveryUs = Math.round(rng.uniform(1, 10)) * sUs;
  const retryTimeoutUs = Math.round(rng.uniform(1, 10)) * sUs;
  // Mostly within Patroni's rule (loop_wait + 2 × retry_timeout ≤ ttl), sometimes not — but always
  // longer than a renewal interval (a shorter one is refused at load).
  const ruleUs = renewEveryUs + 2 * retryTimeoutUs;
  const shortUs = Math.max(
    renewEveryUs + sUs,
    Math.round((rng.uniform(0.5, 1) * ruleUs) / sUs) * sUs,
  );
  const ttlUs = rng.chance(0.8) ? ruleUs + Math.round(rng.uniform(0, 10)) * sUs : shortUs;
  return {
    ttl: durationText(ttlUs),
    renewEvery: durationText(renewEveryUs),
    retryTimeout: durationText(retryTimeoutUs),
  };
}

const kind: FencingKindModule<"lease", {}, {}, {}> = {
  fields: {},
  defaults: {},
  settings: () => ({}),
  check: () => {},
  mechanisms: {
    powersOffFirst: false,
    refusesStaleEpoch: false,
    holdsLease: true,
    needsReplicas: false,
  },
  describe: () => "fencing by lease",
  draw: (rng) => ({ fencing: "lease", lease: drawLease(rng) }),
  settleUs: ({ failover }) => failover.lease.renewEveryUs + failover.lease.retryTimeoutUs,
};
export default kind;
