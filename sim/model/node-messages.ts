// What a data node does with a message: a ping is answered with a pong carrying its report, the
// coordination store's answer to a renewal renews its lease or tells it of a newer primary, a
// controller's command becomes an event of its role machine (node-roles.ts) — the promotion order
// granting epoch and lease whatever role it meets, a follow order naming the upstream — and
// writes, reads and the replicated log go to what it serves (node-service.ts). A standby's
// status reaches the log sender of a primary (or a fenced one) on the same timeline.
import type { Message } from "./messages.ts";
import type { ActingNode } from "./node-actions.ts";
import type { RoleEvent } from "./node-roles.ts";
import type { Command, NodeReport } from "./cluster-state.ts";

/** A data node as its messages see it: its parts, its report and its role machine's input. */
export interface MessagedNode extends ActingNode {
  report(): NodeReport;
  /** Feeds the role machine an event; `grant` runs first when a rule applies (data-node.ts). */
  step(event: RoleEvent, grant?: () => void): void;
}

export function handleMessage(node: MessagedNode, message: Message): void {
  switch (message.type) {
    case "ping":
      node.world.sendBetween(node.index, message.monitorEndpoint, {
        type: "pong",
        node: node.name,
        report: node.report(),
        seq: message.seq,
        sentUs: message.sentUs,
      });
      return;
    case "renew-ack":
      leaseAnswered(node, message.epoch, message.primary);
      return;
    case "command":
      obey(node, message.command);
      return;
    case "write":
      node.service.write(message.client, message.id);
      return;
    case "read":
      node.service.read(message);
      return;
    case "replicate":
      node.service.replicate(message);
      return;
    case "status":
      if (
        (node.role === "primary" || node.role === "fenced") &&
        message.timelineId === node.log.timeline.id
      )
        node.sender.status(message.node, message.length, message.gap);
      return;
    case "not-following":
      node.sender.drop(message.node);
      return;
    case "isr-ack":
      if (node.role === "primary" || node.role === "fenced")
        node.sender.isrAcknowledged(message.epoch, message.members);
      return;
    default:
      return;
  }
}

/** The coordination store answered a renewal with the cluster's epoch and primary. */
function leaseAnswered(node: MessagedNode, epoch: number, primary: string): void {
  if (primary === node.name && epoch === node.epoch) {
    node.lease.renewed(node.world.nowUs);
    // A primary that demoted itself for want of a lease takes it back if nobody replaced it.
    if (node.fencing.holdsLease) node.step({ kind: "lease-renewed" });
    return;
  }
  // Another node is primary of a newer epoch: this one has lost the role and stops taking
  // writes now, before any command to follow arrives.
  node.step({ kind: "newer-primary", epoch });
}

function obey(node: MessagedNode, command: Command): void {
  switch (command.kind) {
    case "promote":
      // The order grants the role: the lease (lease fencing) runs from here, kept by renewals.
      node.step(command, () => {
        node.promotion.from = command.from;
        node.promotion.planned = command.planned;
        node.promotion.isr = command.isr ?? [];
        node.epoch = command.epoch;
        node.lease.renewed(node.world.nowUs);
      });
      return;
    case "follow":
      node.step(command, () => (node.upstream = command.primary));
      return;
    case "resume":
      node.step(command, () => (node.promotion.isr = command.isr ?? []));
      return;
    case "step-down":
      node.step(command);
      return;
    case "isr-shrink":
      if (node.role === "primary" || node.role === "fenced")
        node.sender.isrAcknowledged(command.epoch, command.members, true);
      return;
    default:
      return;
  }
}
