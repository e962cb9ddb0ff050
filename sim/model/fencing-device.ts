// STONITH's fencing device (fencing/stonith.ts): asked by the acting controller, it powers a node
// off after its delay and its own time, or fails — an attempt fails with the device's
// failureProbability, drawn from its own random stream, and is known to have failed after the
// timeout. A node powered off while it ran is remembered, so that the failover replacing it still
// counts as a false one (its process was up when the failover was decided). The model has no
// reboot: a node powered off stays down.
import type { Rng } from "../engine/index.ts";
import type { StonithConfig } from "./fencing/index.ts";
import type { WorldEvent } from "./messages.ts";
import type { TraceEvent } from "./trace.ts";

/** A database node as the device sees it. */
export interface FenceableNode {
  readonly name: string;
  readonly index: number;
  readonly up: boolean;
  crash(): void;
  /** Whatever it was, it is fenced (and down) now. */
  poweredOff(): void;
}

export interface DeviceWorld {
  readonly nowUs: number;
  emit(event: TraceEvent): void;
  after(delayUs: number, event: WorldEvent): void;
  /** Remembers a crash, so that messages still queued on the node's links die with it. */
  crashed(node: FenceableNode): void;
}

export class FencingDevice {
  /** Nodes powered off while they were running (until a promotion replacing one asks). */
  private readonly poweredOffRunning = new Set<string>();

  constructor(
    private readonly stonith: StonithConfig,
    private readonly rng: Rng,
    private readonly world: DeviceWorld,
  ) {}

  /** Starts attempt `attempt` on `node`; its end is a fence-done event. */
  fence(node: FenceableNode, attempt: number): void {
    const { delayUs, durationUs, timeoutUs, failureProbability } = this.stonith;
    const ok = !this.rng.chance(failureProbability);
    this.world.emit({
      kind: "fencing",
      tUs: this.world.nowUs,
      node: node.name,
      attempt,
      outcome: "started",
    });
    this.world.after(delayUs + (ok ? durationUs : timeoutUs), {
      kind: "fence-done",
      node: node.index,
      attempt,
      ok,
    });
  }

  /** An attempt is over: the node is powered off, or the attempt failed. */
  done(node: FenceableNode, attempt: number, ok: boolean): void {
    if (ok) {
      if (node.up) {
        node.crash();
        this.world.crashed(node);
        this.poweredOffRunning.add(node.name);
      }
      node.poweredOff();
    }
    this.world.emit({
      kind: "fencing",
      tUs: this.world.nowUs,
      node: node.name,
      attempt,
      outcome: ok ? "powered-off" : "failed",
    });
  }

  /** Whether the device powered `node` off while it ran (asked once, by the promotion replacing it). */
  poweredOffWhileRunning(node: string): boolean {
    return this.poweredOffRunning.delete(node);
  }
}
