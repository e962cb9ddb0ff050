// A process supervisor with Kubernetes' restart policy — what the kubelet does for a container
// whose process exits. With `restartPolicy: "always"` an exited process is started again: the
// first time at once, then after a back-off that starts at `initial` and doubles up to `max`
// (CrashLoopBackOff: 10 s, 20 s, 40 s … 5 min); a process that ran longer than `resetAfter`
// since its last start before exiting again starts the sequence over (kubelet: the back-off entry
// expires 2 × the cap after its last update). With "never" (the model's default) an exited
// process stays down until the scenario restarts it. The kubelet sees an exit at once (its
// relist runs every second, not modelled): the pod turns NotReady and leaves its Services'
// endpoints at once (the load balancers take a pool server out of rotation), without waiting for
// a probe. It restarts processes that exited — a `crash`, or a crash loop's — not those of a
// zone that lost its machines. A crash loop (faults/crash-loop.ts) makes a process exit `upFor`
// after each start until it ends. Assumptions: a start takes no time (image pull, container
// creation and the application's own start-up are not modelled); no jitter (the kubelet's
// back-off has none).
import type { NodeConfig, RestartConfig } from "./config.ts";
import type { TraceEvent } from "./trace.ts";

/** What the supervisor needs of a process: its index (its slot), whether it runs, start and stop. */
export interface SupervisedProcess {
  readonly index: number;
  readonly name: string;
  readonly up: boolean;
  crash(): void;
  restart(): void;
}

export interface SupervisorWorld {
  readonly nowUs: number;
  /** Runs `step` after `delayUs`. */
  later(delayUs: number, step: () => void): void;
  /** A crash's messages still queued on its links die with it. */
  crashed(process: SupervisedProcess): void;
  emit(event: TraceEvent): void;
  /** The client groups' load balancers (null: a group without one). */
  readonly cast: { readonly clients: readonly { readonly loadBalancer: NotReadyTarget | null }[] };
}

/** A load balancer, as a pod turning NotReady reaches it. */
export interface NotReadyTarget {
  /** Takes the server out of rotation now, if it is one of the balancer's. */
  notReady(server: string): void;
}

/** The back-off of one process, as the kubelet keeps it. */
export interface BackOffState {
  /** The wait before the restart after the next exit; 0: none yet (the first restart is at once). */
  backOffUs: number;
  /** When the process last started (-Infinity: never restarted). */
  startedUs: number;
}

/** The wait before restarting a process that exits at `exitUs`, and its back-off once restarted
 *  (Kubernetes' flowcontrol.Backoff as the kubelet uses it: no entry, or one older than
 *  resetAfter, restarts at once and starts at `initial`; otherwise wait the back-off, then
 *  double it up to `max`). Pure, so a test can follow the sequence by hand. */
export function backOffAfterExit(
  state: BackOffState,
  exitUs: number,
  config: RestartConfig,
): { waitUs: number; nextBackOffUs: number } {
  const expired = exitUs - state.startedUs > config.resetAfterUs;
  if (state.backOffUs === 0 || expired) return { waitUs: 0, nextBackOffUs: config.initialUs };
  return {
    waitUs: state.backOffUs,
    nextBackOffUs: Math.min(2 * state.backOffUs, config.maxUs),
  };
}

interface Slot {
  readonly config: RestartConfig;
  readonly backOff: BackOffState;
  /** Restarts by the policy so far. */
  restarts: number;
  /** A restart is scheduled (its generation); 0: none. */
  pendingRestart: number;
  /** Crash loop: each start ends with an exit this long after it (null: no loop). */
  loopUpForUs: number | null;
  /** Counts starts and loop changes, so a scheduled exit or restart of an older one is void. */
  generation: number;
}

export class RestartSupervisor {
  private readonly slots = new Map<number, Slot>();

  /** Every node in declaration order: its index is its process's. */
  constructor(
    nodes: readonly NodeConfig[],
    private readonly world: SupervisorWorld,
  ) {
    for (const [index, { restart: config }] of nodes.entries())
      this.slots.set(index, {
        config,
        backOff: { backOffUs: 0, startedUs: 0 },
        restarts: 0,
        pendingRestart: 0,
        loopUpForUs: null,
        generation: 0,
      });
  }

  /** The process exited (crashed): under "always" it is restarted after its back-off. */
  exited(process: SupervisedProcess): void {
    const slot = this.slots.get(process.index);
    if (slot === undefined || slot.config.policy !== "always" || slot.pendingRestart !== 0) return;
    const { world } = this;
    const nowUs = world.nowUs;
    for (const group of world.cast.clients) group.loadBalancer?.notReady(process.name);
    const { waitUs, nextBackOffUs } = backOffAfterExit(slot.backOff, nowUs, slot.config);
    const generation = ++slot.generation;
    slot.pendingRestart = generation;
    if (waitUs > 0)
      world.emit({ kind: "back_off", tUs: nowUs, node: process.name, untilUs: nowUs + waitUs });
    world.later(waitUs, () => {
      if (slot.pendingRestart !== generation) return;
      slot.pendingRestart = 0;
      slot.backOff.backOffUs = nextBackOffUs;
      if (process.up) return;
      slot.restarts++;
      world.emit({
        kind: "auto_restart",
        tUs: world.nowUs,
        node: process.name,
        restarts: slot.restarts,
      });
      process.restart();
      this.started(process);
    });
  }

  /** The process started (by the policy, a restart fault or a restored zone). */
  started(process: SupervisedProcess): void {
    const slot = this.slots.get(process.index);
    if (slot === undefined) return;
    slot.backOff.startedUs = this.world.nowUs;
    slot.pendingRestart = 0;
    const generation = ++slot.generation;
    const upForUs = slot.loopUpForUs;
    if (upForUs === null) return;
    this.world.later(upForUs, () => {
      if (slot.generation === generation && process.up) this.exit(process);
    });
  }

  /** From now on the process exits `upForUs` after each start; if it runs, it exits now. */
  crashLoop(process: SupervisedProcess, upForUs: number): void {
    const slot = this.slotOf(process);
    slot.loopUpForUs = upForUs;
    slot.generation++;
    if (process.up) this.exit(process);
  }

  /** The crash loop's cause is gone: the next start runs for good. Under "always" a pending
   *  restart still waits out its back-off; under "never" nothing would start the process, so
   *  whoever fixed the cause starts it now. */
  endCrashLoop(process: SupervisedProcess): void {
    const slot = this.slotOf(process);
    slot.loopUpForUs = null;
    if (slot.pendingRestart === 0) slot.generation++;
    if (slot.config.policy === "never" && !process.up) {
      process.restart();
      this.started(process);
    }
  }

  private exit(process: SupervisedProcess): void {
    process.crash();
    this.world.crashed(process);
    this.exited(process);
  }

  private slotOf(process: SupervisedProcess): Slot {
    const slot = this.slots.get(process.index);
    if (slot === undefined) throw new Error(`${process.name} has no restart policy slot`);
    return slot;
  }
}
