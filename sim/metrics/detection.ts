// Detection time, per incident: a disruptive fault starts one (incidents.ts); it reaches some
// watched nodes (incident-reach.ts) and lasts until its repair. Its detection time is the time
// from the fault to the first moment one of the nodes it reaches is suspected — by any monitor
// (a `suspect` event), or for a pool server by a load balancer taking it out of rotation
// (`lb_down`) — while the fault lasts: 0 when such a node is already suspected when the fault
// hits; undetected (left out) when no such suspicion comes before the fault is over, and when
// the fault reaches no watched node (a monitor's crash). A suspicion of a node the fault does not
// reach detects nothing. detection_s is the worst over detected incidents; null when none was.
// Memory: the watch state of each node and the open incidents (bounded by the fault schedule).
import { isDisruptive, type Fault, type TraceEvent, type WorldConfig } from "../model/index.ts";
import { knownEndUs, reachedNodes, repairs, topologyOf, type Topology } from "./incident-reach.ts";
import { secondsOf, type TraceObserver } from "./observer.ts";

interface OpenIncident {
  fault: Fault;
  startUs: number;
  endUs: number;
  reached: Set<string>;
}

export class DetectionObserver implements TraceObserver {
  /** Every kind but the per-write ones: a fault ends at its repair, whatever event that is. */
  readonly reads = "changes";
  private readonly topology: Topology;
  /** For each watched node, the watchers (monitors, load balancers) that suspect it now. */
  private readonly suspectedBy = new Map<string, Set<string>>();
  /** Incidents not yet detected and not yet over. */
  private open: OpenIncident[] = [];
  private worstUs: number | null = null;

  constructor(config: WorldConfig) {
    this.topology = topologyOf(config);
  }

  observe(event: TraceEvent): void {
    if (this.open.length > 0) this.close(event);
    switch (event.kind) {
      case "fault":
        if (isDisruptive(event.fault)) this.start(event.fault, event.tUs);
        return;
      case "suspect":
        this.suspected(event.node, event.monitor, true, event.tUs);
        return;
      case "trust":
        this.suspected(event.node, event.monitor, false, event.tUs);
        return;
      case "lb_down":
        this.suspected(event.node, event.client, true, event.tUs);
        return;
      case "lb_up":
        this.suspected(event.node, event.client, false, event.tUs);
        return;
      default:
        return;
    }
  }

  /** Worst detection time in seconds, or null when no incident was detected. */
  seconds(): number | null {
    return this.worstUs === null ? null : secondsOf(this.worstUs);
  }

  private start(fault: Fault, startUs: number): void {
    const reached = reachedNodes(fault, this.topology);
    if (reached.size === 0) return;
    if ([...reached].some((node) => (this.suspectedBy.get(node)?.size ?? 0) > 0)) {
      this.detected(0);
      return;
    }
    this.open.push({ fault, startUs, endUs: knownEndUs(fault, startUs), reached });
  }

  private suspected(node: string, watcher: string, suspect: boolean, nowUs: number): void {
    let watchers = this.suspectedBy.get(node);
    if (watchers === undefined) this.suspectedBy.set(node, (watchers = new Set()));
    if (!suspect) {
      watchers.delete(watcher);
      return;
    }
    watchers.add(watcher);
    const stillOpen: OpenIncident[] = [];
    for (const incident of this.open) {
      if (incident.reached.has(node)) this.detected(nowUs - incident.startUs);
      else stillOpen.push(incident);
    }
    this.open = stillOpen;
  }

  /** Incidents whose fault is over by this event go undetected. */
  private close(event: TraceEvent): void {
    this.open = this.open.filter(
      (incident) => event.tUs < incident.endUs && !repairs(event, incident.fault),
    );
  }

  private detected(detectionUs: number): void {
    this.worstUs = this.worstUs === null ? detectionUs : Math.max(this.worstUs, detectionUs);
  }
}
