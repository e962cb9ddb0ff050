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

/** What only a database node suffers. */
export interface FaultableDataNode extends FaultableProcess {
  setSlow(delayUs: number): void;
  setReadOnly(readOnly: boolean): void;
  skewClock(rate: number, jumpUs: number): void;
}

export interface FaultTarget {
  readonly network: Network;
  process(name: string): FaultableProcess;
  dataNode(name: string): FaultableDataNode;
  /** The processes (database nodes and monitors) placed in a zone. */
  processesIn(zone: string): FaultableProcess[];
  /** Remembers a crash, so that messages still queued on the crashed node's links die with it. */
  crashed(process: FaultableProcess): void;
  /** Freezes the process: events meant for it wait until the pause ends. */
  paused(process: FaultableProcess, durationUs: number): void;
  after(delayUs: number, event: WorldEvent): void;
  nextCutId(): number;
  readonly nowUs: number;
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
    case "one-way": {
      const cutId = world.nextCutId();
      network.cutOneWay(cutId, network.resolve(fault.from), network.resolve(fault.to));
      return;
    }
    case "degrade": {
      const id = world.nextCutId();
      const inside = network.resolve(fault.groups[0]);
      const groups =
        fault.groups.length === 1
          ? [inside, network.endpoints.map((_, index) => index).filter((index) => !inside.includes(index))]
          : fault.groups.map((names) => network.resolve(names));
      const untilUs = fault.durationUs > 0 ? world.nowUs + fault.durationUs : Infinity;
      if (fault.flaky) {
        network.degradeBetween(id, groups, 0, 0); // a mark, so that heal() stops the toggling
        world.after(0, { kind: "flaky-toggle", id, cutId: world.nextCutId(), groups, down: true, ...fault.flaky, untilUs });
      } else {
        network.degradeBetween(id, groups, fault.lossProbability, fault.extraDelayUs);
        if (untilUs !== Infinity) world.after(fault.durationUs, { kind: "degrade-end", id });
      }
      return;
    }
    case "slow":
      world.dataNode(fault.node).setSlow(fault.delayUs);
      return;
    case "read-only":
      world.dataNode(fault.node).setReadOnly(!fault.writable);
      return;
    case "clock-skew":
      world.dataNode(fault.node).skewClock(fault.rate, fault.jumpUs);
      return;
    case "zone-outage":
      for (const process of world.processesIn(fault.zone)) {
        if (fault.restore && !process.up) process.restart();
        if (!fault.restore && process.up) {
          process.crash();
          world.crashed(process);
        }
      }
      return;
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
