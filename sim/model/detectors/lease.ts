// Lease detection: nodes renew a lease with the monitors (the coordination store) every
// failover.lease.renewEvery instead of being probed; a node is suspected once its lease has
// expired, `ttl` after its last renewal reached the monitor (Patroni's leader key). The detector
// is a timeout on renewals (timeout.ts); `interval` is how often the controller looks at the
// leases and re-announces the primary.
import { duration, parseDuration, type Duration } from "../../dsl/index.ts";
import type { DetectorKindModule } from "./detector-kind.ts";
import { TimeoutDetector } from "./timeout.ts";

type LeaseDetectorConfig = { kind: "lease"; intervalUs: number };

export interface LeaseDetectorSpec {
  /** lease: how often the controller looks at the leases and re-announces the primary. Default "1s". */
  interval?: Duration;
}

const fields = { interval: duration({ positive: true }).optional() };

/** How often the controller looks at the leases and re-announces the primary. Our assumption. */
const defaults = { interval: "1s" } as const;

const kind: DetectorKindModule<LeaseDetectorConfig, typeof fields, LeaseDetectorSpec> = {
  fields,
  defaults,
  resolve: (spec) => ({
    kind: "lease",
    intervalUs: spec.interval ?? parseDuration(defaults.interval),
  }),
  create: (_config, lease, startUs) => new TimeoutDetector(lease.ttlUs, startUs),
  heardBy: "leases",
  describe: () =>
    "nodes hold leases with the monitors (the coordination store); a node whose lease expires is suspected",
  suspicion: (_config, who, _one, node) =>
    `${node}'s lease has not been renewed in time and has expired at ${who}`,
  draw: () => ({ kind: "lease" }),
  detectionUs: (_config, failover) => failover.lease.ttlUs + failover.lease.renewEveryUs,
};
export default kind;
