// The timeline: closed intervals of what each node was doing, for timeline.csv and charts.
// Four kinds of lane:
// - `state`: every configured node (monitors too) is "up" from 0 and alternates down/up at
//   node_down/node_up;
// - `role`: each data node's role (primary, standby, promoting, rejoining, …) from `role` events
//   (the world emits one per data node at t=0, so the lane starts there);
// - `verdict:<monitor>`: each monitor's verdict on each data node, "trust" from 0, switching at
//   suspect/trust events — so a detector's mistakes can be measured against the `state` lane;
// - `lb:<client group>`: whether that group's load balancer keeps a pool server in rotation,
//   "in" from 0, switching at lb_down/lb_up ("out").
// Intervals still open at run_end close at its time (endUs = duration + drain), so changes made
// while in-flight writes drain are kept; metrics clip to the duration, the timeline does not.
// Zero-length intervals (two changes in the same microsecond) are left out, and repeated
// events that do not change a lane's state do not split it.
// Rows are sorted by node (configuration order), lane (state, role, verdicts by monitor order)
// and start. Memory grows with the number of changes, not with run length or write volume.
import type { TraceEvent, WorldConfig } from "../model/index.ts";
import type { TraceObserver } from "./observer.ts";

export interface TimelineRow {
  node: string;
  /** "state", "role", "verdict:<monitor>" or "lb:<client group>". */
  kind: string;
  state: string;
  startUs: number;
  endUs: number;
}

interface OpenInterval {
  state: string;
  startUs: number;
}

export class TimelineObserver implements TraceObserver {
  readonly reads = "changes";
  /** Open interval per lane, keyed by node and kind. */
  private readonly open = new Map<string, { node: string; kind: string; interval: OpenInterval }>();
  private readonly rows: TimelineRow[] = [];
  private readonly nodeRank = new Map<string, number>();
  private readonly monitorRank = new Map<string, number>();
  private readonly balancerRank = new Map<string, number>();
  private endUs: number | null = null;

  constructor(config: WorldConfig) {
    const monitors = config.nodes
      .filter((node) => node.role === "monitor")
      .map((node) => node.name);
    const dataNodes = config.nodes
      .filter((node) => node.role !== "monitor" && node.role !== "server")
      .map((node) => node.name);
    monitors.forEach((monitor, index) => this.monitorRank.set(monitor, index));
    for (const node of config.nodes) {
      this.rankOf(node.name);
      this.change(node.name, "state", "up", 0);
    }
    for (const monitor of monitors)
      for (const node of dataNodes) this.change(node, verdictKind(monitor), "trust", 0);
    for (const client of config.clients) {
      if (client.routing.kind !== "lb") continue;
      this.balancerRank.set(client.name, this.balancerRank.size);
      for (const server of client.routing.servers)
        this.change(server, balancerKind(client.name), "in", 0);
    }
  }

  observe(event: TraceEvent): void {
    switch (event.kind) {
      case "node_down":
      case "node_up":
        this.lane(event.node, "state", "up");
        this.change(event.node, "state", event.kind === "node_down" ? "down" : "up", event.tUs);
        break;
      case "node_paused":
      case "node_resumed":
        this.lane(event.node, "state", "up");
        this.change(event.node, "state", event.kind === "node_paused" ? "paused" : "up", event.tUs);
        break;
      case "role":
        this.change(event.node, "role", event.role, event.tUs);
        break;
      case "suspect":
      case "trust":
        this.lane(event.node, verdictKind(event.monitor), "trust");
        this.change(event.node, verdictKind(event.monitor), event.kind, event.tUs);
        break;
      case "lb_down":
      case "lb_up":
        this.lane(event.node, balancerKind(event.client), "in");
        this.change(
          event.node,
          balancerKind(event.client),
          event.kind === "lb_down" ? "out" : "in",
          event.tUs,
        );
        break;
      case "run_end":
        this.close(event.tUs);
        break;
      default:
        break;
    }
  }

  /** The intervals, sorted; available after run_end. */
  timeline(): TimelineRow[] {
    if (this.endUs === null) throw new Error("timeline read before run_end");
    return this.rows;
  }

  /** Opens a lane in its initial state at 0 if this is its first mention. */
  private lane(node: string, kind: string, initial: string): void {
    if (!this.open.has(laneKey(node, kind))) this.change(node, kind, initial, 0);
  }

  private change(node: string, kind: string, state: string, atUs: number): void {
    if (this.endUs !== null) return;
    this.rankOf(node);
    if (kind.startsWith("verdict:")) this.monitorRankOf(kind.slice("verdict:".length));
    const key = laneKey(node, kind);
    const lane = this.open.get(key);
    if (lane) {
      if (lane.interval.state === state) return;
      this.emit(node, kind, lane.interval, atUs);
      lane.interval = { state, startUs: atUs };
    } else {
      this.open.set(key, { node, kind, interval: { state, startUs: atUs } });
    }
  }

  private close(endUs: number): void {
    if (this.endUs !== null) return;
    for (const lane of this.open.values()) this.emit(lane.node, lane.kind, lane.interval, endUs);
    this.open.clear();
    this.endUs = endUs;
    this.rows.sort((a, b) => this.compare(a, b));
  }

  private emit(node: string, kind: string, interval: OpenInterval, endUs: number): void {
    if (endUs > interval.startUs)
      this.rows.push({ node, kind, state: interval.state, startUs: interval.startUs, endUs });
  }

  private compare(a: TimelineRow, b: TimelineRow): number {
    return (
      this.rankOf(a.node) - this.rankOf(b.node) ||
      this.kindRank(a.kind) - this.kindRank(b.kind) ||
      a.startUs - b.startUs
    );
  }

  private kindRank(kind: string): number {
    if (kind === "state") return 0;
    if (kind === "role") return 1;
    // Balancer lanes after every verdict lane.
    if (kind.startsWith("lb:")) return 1e6 + this.balancerRankOf(kind.slice("lb:".length));
    return 2 + this.monitorRankOf(kind.slice("verdict:".length));
  }

  /** Configuration order, then first mention for names the configuration lacks. */
  private rankOf(node: string): number {
    let rank = this.nodeRank.get(node);
    if (rank === undefined) {
      rank = this.nodeRank.size;
      this.nodeRank.set(node, rank);
    }
    return rank;
  }

  private balancerRankOf(client: string): number {
    let rank = this.balancerRank.get(client);
    if (rank === undefined) {
      rank = this.balancerRank.size;
      this.balancerRank.set(client, rank);
    }
    return rank;
  }

  private monitorRankOf(monitor: string): number {
    let rank = this.monitorRank.get(monitor);
    if (rank === undefined) {
      rank = this.monitorRank.size;
      this.monitorRank.set(monitor, rank);
    }
    return rank;
  }
}

function balancerKind(client: string): string {
  return `lb:${client}`;
}

function verdictKind(monitor: string): string {
  return `verdict:${monitor}`;
}

function laneKey(node: string, kind: string): string {
  return `${node}\u0000${kind}`;
}
