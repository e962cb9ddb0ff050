// The one place a controller's commands are carried out, as a monitor would: promote, follow,
// resume and step-down orders are messages to the node (a promotion also starts a failover in the
// trace, unless it is an order sent again); a reroute sets the DNS record and goes to every
// router; a fence goes to the fencing device out of band; a timer is scheduled; having no
// candidate and an operator's action are only told to the trace.
import type { Command } from "./cluster-state.ts";
import type { Message, WorldEvent } from "./messages.ts";
import type { TraceEvent } from "./trace.ts";

/** What carrying out a command needs of the world. */
export interface CommandWorld {
  readonly nowUs: number;
  send(source: string, target: string, message: Message): void;
  at(timeUs: number, event: WorldEvent): void;
  emit(event: TraceEvent): void;
  /** The DNS record clients with DNS routing look up. */
  setDnsRecord(target: string): void;
  /** Carries out a fence command with the fencing device (out of band, not over the network). */
  fence(node: string, attempt: number): void;
}

export function carryOut(
  command: Command,
  monitor: string,
  routers: readonly string[],
  world: CommandWorld,
): void {
  const tUs = world.nowUs;
  switch (command.kind) {
    case "promote":
      // An order sent again (the first was lost) is the same failover, not a new one.
      if (command.resent !== true)
        world.emit({
          kind: "failover_start",
          tUs,
          monitor: monitor,
          node: command.node,
          from: command.from,
          epoch: command.epoch,
        });
      world.send(monitor, command.node, { type: "command", command });
      return;
    case "follow":
    case "resume":
    case "step-down":
    case "isr-shrink":
      world.send(monitor, command.node, { type: "command", command });
      return;
    case "reroute":
      world.setDnsRecord(command.target);
      for (const router of routers) world.send(monitor, router, { type: "command", command });
      return;
    case "fence":
      world.fence(command.node, command.attempt);
      return;
    case "timer":
      world.at(command.atUs, { kind: "controller-timer" });
      return;
    case "no-candidate":
      world.emit({
        kind: "no_candidate",
        tUs,
        monitor: monitor,
        node: command.node,
        reason: command.reason,
      });
      return;
    case "operator":
      world.emit({
        kind: "operator",
        tUs,
        node: command.node,
        action: command.action,
        ok: command.ok,
      });
      return;
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}
