// What a data node tells the monitors about itself, in a pong or a lease renewal: its role and
// epochs, how far its log reaches and when its last write committed, whom it follows, and its
// readiness. A cold standby that is still off reports what it could restore: the archived log.
import type { NodeReport } from "./cluster-state.ts";
import type { ActingNode } from "./node-actions.ts";

export function reportOf(node: ActingNode): NodeReport {
  const { world, role, epoch, primaryEpoch, upstream } = node;
  const log = role === "off" ? world.restorePoint(node.name).archive : node.log;
  const lastCommitUs = log.length > 0 ? world.history.acceptUsAt(log, log.length) : 0;
  return {
    role,
    epoch,
    primaryEpoch,
    logLength: log.length,
    upstream,
    lastCommitUs,
    readiness: node.config.readiness,
  };
}
