// A pool server's autoscaler: the server stands for a fleet — a region's instances behind their
// own balancing, each handling `instanceCapacity` requests per second — and scales it out by
// target tracking, as a cloud auto-scaling group does on a request-count metric. Every `period`
// it measures the fleet's demand: the requests that reached it in that period (served or
// refused), per second, over its capacity. After `periods` measurements in a row above
// `targetUtilization` (the scale-out alarm's datapoints), it launches enough instances for the
// last demand to sit at the target — ceil(demand / (target × instanceCapacity)) in all, at most
// `maxInstances` — each adding its capacity `launchIn` later (boot and warm-up); measurements
// continue meanwhile, counting instances still launching as there. It never scales in (an
// evacuation study ends before the fleet would shrink). Sans-io but for its owner's timers:
// handed the time, it returns what to launch.
import type { AutoscaleConfig } from "./config.ts";

export class Autoscaler {
  /** Instances running, and launched but not in service yet. */
  private running = 0;
  private launching = 0;
  /** Requests that reached the fleet since the last measurement. */
  private arrivals = 0;
  /** Measurements in a row above the target. */
  private above = 0;

  constructor(
    private readonly config: AutoscaleConfig,
    initialCapacityPerS: number,
  ) {
    this.running = Math.max(1, Math.round(initialCapacityPerS / config.instanceCapacityPerS));
  }

  /** A request reached the fleet. */
  arrived(): void {
    this.arrivals++;
  }

  /** The periodic measurement: how many instances to launch now (0: none). */
  measure(): number {
    const { periodUs, targetUtilization, instanceCapacityPerS, maxInstances } = this.config;
    const demandPerS = (this.arrivals * 1e6) / periodUs;
    this.arrivals = 0;
    const planned = this.running + this.launching;
    const utilization = demandPerS / (planned * instanceCapacityPerS);
    this.above = utilization > targetUtilization ? this.above + 1 : 0;
    if (this.above < this.config.periods) return 0;
    const wanted = Math.min(
      maxInstances,
      Math.ceil(demandPerS / (targetUtilization * instanceCapacityPerS)),
    );
    const launch = Math.max(0, wanted - planned);
    this.launching += launch;
    if (launch > 0) this.above = 0;
    return launch;
  }

  /** Launched instances are in service: the fleet's capacity now. */
  launched(count: number): number {
    this.launching -= count;
    this.running += count;
    return this.running * this.config.instanceCapacityPerS;
  }

  get instances(): number {
    return this.running;
  }

  /** Instances running or launching. */
  get planned(): number {
    return this.running + this.launching;
  }
}
