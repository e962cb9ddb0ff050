// The network between endpoints (data nodes, monitors, client groups): per directed link a
// latency, a jitter and a loss probability, and a set of cuts. Assumptions:
// - each message is delayed by latency + uniform(−jitter, +jitter) — or by a draw of the link's
//   latency distribution (latency/) — and lost independently with lossProbability;
// - links deliver in order (TCP-like) unless told to reorder: a message never overtakes an
//   earlier one on its link, so a late draw holds up the messages behind it (head-of-line
//   blocking); a reordering link delivers each message when its own delay says;
// - a link with a bandwidth (log entries per second) transmits one message at a time: a batch of
//   n entries occupies it n / bandwidth seconds, so replication beyond the bandwidth queues up;
//   what is still queued when its sender crashes dies with it (the world checks that);
// - a degraded link (a fault) loses messages with an extra probability and delays them more (a
//   fixed extra delay or a draw per message); several degradations of one link combine (losses
//   independently, delays add up);
// - a link is cut while any cut (partition, isolation, blip) holds it; a message is dropped if
//   its link is cut when it is sent or when it would arrive.
import type { Rng } from "../engine/index.ts";
import type { LinkSpec, NetworkConfig } from "./config.ts";
import { sampleLatencyUs, type Latency } from "./latency/index.ts";

export interface Endpoint {
  name: string;
  zone: string;
}

export class Network {
  readonly size: number;
  private readonly specs: LinkSpec[];
  private readonly cuts: Set<number>[];
  private readonly lastArrivalUs: Float64Array;
  private readonly busyUntilUs: Float64Array;
  /** Per directed link, active degradations by fault id (empty for most links). */
  private readonly degradations: Map<number, { lossProbability: number; extraDelay: Latency }>[];
  /** Per directed link, how many cuts hold it, and how many cuts and degradations (kept with the
   *  sets above): every message asks, and nearly every link, nearly always, has none. */
  private readonly cutCount: Int32Array;
  private readonly troubleCount: Int32Array;
  /** Per directed link: its fixed latency when the link is plain — a fixed latency, no loss, no
   *  bandwidth limit, in order — else -1; and its jitter. A plain link that no cut or degradation
   *  holds takes the short way in arrivalUs, with the same draws as the long one. */
  private readonly plainLatencyUs: Float64Array;
  private readonly jitterUs: Float64Array;
  /** When the message of the last arrivalUs call finished leaving its sender. */
  lastTransmittedUs = 0;
  private readonly indexByName = new Map<string, number>();

  constructor(
    readonly endpoints: readonly Endpoint[],
    config: NetworkConfig,
    private readonly rng: Rng,
  ) {
    this.size = endpoints.length;
    endpoints.forEach((endpoint, index) => this.indexByName.set(endpoint.name, index));
    this.specs = [];
    this.cuts = [];
    for (let source = 0; source < this.size; source++) {
      for (let target = 0; target < this.size; target++) {
        this.specs.push(resolveLinkSpec(config, endpoints[source], endpoints[target]));
        this.cuts.push(new Set());
      }
    }
    this.lastArrivalUs = new Float64Array(this.size * this.size);
    this.busyUntilUs = new Float64Array(this.size * this.size);
    this.degradations = this.cuts.map(() => new Map());
    this.cutCount = new Int32Array(this.specs.length);
    this.troubleCount = new Int32Array(this.specs.length);
    this.plainLatencyUs = new Float64Array(this.specs.map(plainLatencyUs));
    this.jitterUs = new Float64Array(this.specs.map((spec) => spec.jitterUs));
  }

  indexOf(name: string): number {
    const index = this.indexByName.get(name);
    if (index === undefined) throw new Error(`unknown endpoint ${name}`);
    return index;
  }

  /** Endpoints named directly or through their zone. */
  resolve(names: readonly string[]): number[] {
    const found = new Set<number>();
    for (const name of names) {
      this.endpoints.forEach((endpoint, index) => {
        if (endpoint.name === name || endpoint.zone === name) found.add(index);
      });
    }
    return [...found].sort((a, b) => a - b);
  }

  isCut(source: number, target: number): boolean {
    return this.cutCount[source * this.size + target] > 0;
  }

  /**
   * Arrival time of a message of `size` log entries sent now from source to target, or -1 if it
   * is lost. Draws from the network stream only for links that can jitter, lose or draw a delay.
   */
  arrivalUs(source: number, target: number, nowUs: number, size = 1): number {
    const link = source * this.size + target;
    const latencyUs = this.plainLatencyUs[link];
    if (latencyUs < 0 || this.troubleCount[link] > 0)
      return this.arrivalOnLinkUs(link, nowUs, size);
    // The general way's steps where extraDelayUs is 0 and sentUs is nowUs: the same draw and sums.
    this.lastTransmittedUs = nowUs;
    const arrival = nowUs + this.jitteredUs(latencyUs, this.jitterUs[link]);
    const inOrder = Math.max(arrival, this.lastArrivalUs[link]);
    this.lastArrivalUs[link] = inOrder;
    return inOrder;
  }

  /** arrivalUs on any link, cut, degraded, lossy, limited or reordering ones too. */
  private arrivalOnLinkUs(link: number, nowUs: number, size: number): number {
    if (this.cutCount[link] > 0) return -1;
    const spec = this.specs[link];
    if (spec.lossProbability > 0 && this.rng.chance(spec.lossProbability)) return -1;
    let extraDelayUs = 0;
    const degradations = this.degradations[link];
    // (Checked first: most links are never degraded, and this runs for every message.)
    if (degradations.size > 0) {
      for (const degradation of degradations.values()) {
        if (degradation.lossProbability > 0 && this.rng.chance(degradation.lossProbability))
          return -1;
        extraDelayUs += sampleLatencyUs(degradation.extraDelay, this.rng);
      }
    }
    let sentUs = nowUs;
    if (spec.bandwidthPerS !== Infinity) {
      sentUs =
        Math.max(nowUs, this.busyUntilUs[link]) + Math.ceil((size * 1e6) / spec.bandwidthPerS);
      this.busyUntilUs[link] = sentUs;
    }
    this.lastTransmittedUs = sentUs;
    const arrival = sentUs + extraDelayUs + this.delayUs(spec);
    if (spec.reorder) return arrival;
    // In order: a message waits for the one sent before it on this link.
    const inOrder = Math.max(arrival, this.lastArrivalUs[link]);
    this.lastArrivalUs[link] = inOrder;
    return inOrder;
  }

  /** The link's own delay for one message: latency ± jitter, or a draw of its distribution. */
  private delayUs(spec: LinkSpec): number {
    const { latency, jitterUs } = spec;
    if (typeof latency !== "number") return sampleLatencyUs(latency, this.rng);
    return this.jitteredUs(latency, jitterUs);
  }

  /** A fixed latency plus uniform(−jitter, +jitter), rounded to whole µs (no draw without jitter). */
  private jitteredUs(latencyUs: number, jitterUs: number): number {
    return jitterUs > 0 ? latencyUs + Math.round(this.rng.uniform(-jitterUs, jitterUs)) : latencyUs;
  }

  /** Cuts both directions of every link between endpoints of different groups. */
  cutBetween(cutId: number, groups: readonly (readonly number[])[]): void {
    this.forLinksBetween(groups, (link) => this.addCut(link, cutId));
  }

  /** Cuts only the direction from each endpoint of `sources` to each endpoint of `targets`. */
  cutOneWay(cutId: number, sources: readonly number[], targets: readonly number[]): void {
    for (const source of sources)
      for (const target of targets)
        if (source !== target) this.addCut(source * this.size + target, cutId);
  }

  /** Degrades both directions of every link between endpoints of different groups. */
  degradeBetween(
    id: number,
    groups: readonly (readonly number[])[],
    lossProbability: number,
    extraDelay: Latency,
  ): void {
    this.forLinksBetween(groups, (link) => {
      this.degradations[link].set(id, { lossProbability, extraDelay });
      this.recount(link);
    });
  }

  /** Removes one cut or degradation wherever it holds. */
  heal(id: number): void {
    for (let link = 0; link < this.cuts.length; link++) {
      const cut = this.cuts[link].delete(id);
      if (this.degradations[link].delete(id) || cut) this.recount(link);
    }
  }

  /** Whether a cut or degradation still holds somewhere (a heal() may have removed it). */
  holds(id: number): boolean {
    return (
      this.cuts.some((cut) => cut.has(id)) ||
      this.degradations.some((degradation) => degradation.has(id))
    );
  }

  healAll(): void {
    for (const cut of this.cuts) cut.clear();
    for (const degradation of this.degradations) degradation.clear();
    this.cutCount.fill(0);
    this.troubleCount.fill(0);
  }

  private addCut(link: number, cutId: number): void {
    this.cuts[link].add(cutId);
    this.recount(link);
  }

  /** The link's counts, after its cuts or degradations changed. */
  private recount(link: number): void {
    this.cutCount[link] = this.cuts[link].size;
    this.troubleCount[link] = this.cuts[link].size + this.degradations[link].size;
  }

  private forLinksBetween(
    groups: readonly (readonly number[])[],
    visit: (link: number) => void,
  ): void {
    for (let g = 0; g < groups.length; g++) {
      for (let h = 0; h < groups.length; h++) {
        if (g === h) continue;
        for (const source of groups[g])
          for (const target of groups[h]) if (source !== target) visit(source * this.size + target);
      }
    }
  }
}

/** A plain link's fixed latency (arrivalUs's short way), or -1. */
function plainLatencyUs(spec: LinkSpec): number {
  const plain =
    typeof spec.latency === "number" &&
    spec.lossProbability === 0 &&
    spec.bandwidthPerS === Infinity &&
    !spec.reorder;
  return plain ? (spec.latency as number) : -1;
}

/**
 * The spec of one directed link: defaults, then overrides from least to most specific
 * (zone↔zone, then zone↔endpoint, then endpoint↔endpoint), in declaration order within a level.
 */
export function resolveLinkSpec(
  config: NetworkConfig,
  source: Endpoint,
  target: Endpoint,
): LinkSpec {
  const matches = (name: string, endpoint: Endpoint): 0 | 1 | 2 =>
    name === endpoint.name ? 2 : name === endpoint.zone ? 1 : 0;
  const applicable: { level: number; order: number; spec: Partial<LinkSpec> }[] = [];
  config.overrides.forEach((override, order) => {
    let level = matches(override.source, source) * matches(override.target, target);
    if (level === 0 && override.bothWays)
      level = matches(override.source, target) * matches(override.target, source);
    if (level > 0) applicable.push({ level, order, spec: override.spec });
  });
  applicable.sort((a, b) => a.level - b.level || a.order - b.order);
  const spec: LinkSpec = { ...config.defaults };
  for (const { spec: partial } of applicable) {
    if (partial.latency !== undefined) spec.latency = partial.latency;
    if (partial.jitterUs !== undefined) spec.jitterUs = partial.jitterUs;
    if (partial.lossProbability !== undefined) spec.lossProbability = partial.lossProbability;
    if (partial.bandwidthPerS !== undefined) spec.bandwidthPerS = partial.bandwidthPerS;
    if (partial.reorder !== undefined) spec.reorder = partial.reorder;
  }
  return spec;
}
