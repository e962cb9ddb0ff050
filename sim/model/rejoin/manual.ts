// manual: a deposed primary stays out until an operator puts it back as a standby, after the
// operator's delay (failover.operator; an attempt that fails is tried again after a new delay) —
// Orchestrator leaves a dead master out of the recovered topology (openark/orchestrator
// docs/topology-recovery.md); Patroni without use_pg_rewind leaves a diverged former primary
// unable to stream until someone reinitialises it. A scenario with this mode must give the
// operator.
import { drawOperator, requireOperator } from "../operator-needs.ts";
import type { RejoinKindModule } from "./rejoin-kind.ts";

/** Attempts an operator makes before the model gives up (the node then never comes back). */
const maxAttempts = 1000;

const kind: RejoinKindModule<"manual", {}, {}, {}> = {
  fields: {},
  defaults: {},
  settings: () => ({}),
  check: (site) => requireOperator(site, "put a deposed primary back by hand"),
  delayUs: ({ operator, draw }) => {
    if (operator === null) return Infinity;
    const { minDelayUs, maxDelayUs, errorProbability } = operator;
    let totalUs = 0;
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      totalUs += Math.round(minDelayUs + draw() * (maxDelayUs - minDelayUs));
      if (!(draw() < errorProbability)) return totalUs;
    }
    return Infinity;
  },
  settleUs: ({ operator }) =>
    operator === null || operator.errorProbability > 0 ? Infinity : operator.maxDelayUs,
  describe: () => "an operator puts a deposed primary back as a standby",
  explain: (node, after) =>
    `${node}, a deposed primary, waits for an operator, who puts it back as a standby in ${after}.`,
  draw: (rng) => ({ rejoin: "manual", operator: drawOperator(rng) }),
};
export default kind;
