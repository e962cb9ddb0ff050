// The one place a fault is interpreted. A fault is plain data (fault.ts); this switch turns it
// into changes of the world: processes stop or start, links are cut or healed. A new fault kind
// is one union member in fault.ts plus one case here; the exhaustiveness check enforces it.
import type { Fault } from "./fault.ts";
import type { WorldEvent } from "./messages.ts";
import type { Network } from "./network.ts";

/** A node or monitor process as faults see it. */
export interface FaultableProcess {
  readonly index: number;
  readonly up: boolean;
  crash(): void;
  restart(): void;
}

export interface FaultTarget {
  readonly network: Network;
  process(name: string): FaultableProcess;
  /** Remembers a crash, so that messages still queued on the crashed node's links die with it. */
  crashed(process: FaultableProcess): void;
  /** Freezes the process: events meant for it wait until the pause ends. */
  paused(process: FaultableProcess, durationUs: number): void;
  after(delayUs: number, event: WorldEvent): void;
  nextCutId(): number;
}

export function applyFault(fault: Fault, world: FaultTarget): void {
  const { network } = world;
  switch (fault.kind) {
    case "crash": {
      const process = world.process(fault.node);
      if (process.up) process.crash();
      world.crashed(process);
      return;
    }
    case "restart": {
      const process = world.process(fault.node);
      if (!process.up) process.restart();
      return;
    }
    case "pause": {
      const process = world.process(fault.node);
      if (process.up) world.paused(process, fault.durationUs);
      return;
    }
    case "partition":
      network.cutBetween(world.nextCutId(), fault.groups.map((names) => network.resolve(names)));
      return;
    case "isolate": {
      const inside = network.resolve([fault.target]);
      const outside = network.endpoints.map((_, index) => index).filter((index) => !inside.includes(index));
      network.cutBetween(world.nextCutId(), [inside, outside]);
      return;
    }
    case "heal":
      network.healAll();
      return;
    case "blip": {
      const cutId = world.nextCutId();
      network.cutBetween(cutId, fault.groups.map((names) => network.resolve(names)));
      world.after(fault.durationUs, { kind: "blip-end", cutId });
      return;
    }
    default: {
      const unknown: never = fault;
      throw new Error(`unknown fault ${JSON.stringify(unknown)}`);
    }
  }
}
