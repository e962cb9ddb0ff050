// The network between endpoints (data nodes, monitors, client groups): per directed link a
// latency, a jitter and a loss probability, and a set of cuts. Assumptions:
// - each message is delayed by latency + uniform(−jitter, +jitter) and lost independently
//   with lossProbability;
// - links deliver in order (TCP-like): a message never overtakes an earlier one on its link;
// - a link with a bandwidth (log entries per second) transmits one message at a time: a batch of
//   n entries occupies it n / bandwidth seconds, so replication beyond the bandwidth queues up;
//   what is still queued when its sender crashes dies with it (the world checks that);
// - a link is cut while any cut (partition, isolation, blip) holds it; a message is dropped if
//   its link is cut when it is sent or when it would arrive.
import type { Rng } from "../engine/index.ts";
import type { LinkSpec, NetworkConfig } from "./config.ts";

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
    return this.cuts[source * this.size + target].size > 0;
  }

  /**
   * Arrival time of a message of `size` log entries sent now from source to target, or -1 if it
   * is lost. Draws from the network stream only for links that can jitter or lose.
   */
  arrivalUs(source: number, target: number, nowUs: number, size = 1): number {
    const link = source * this.size + target;
    if (this.cuts[link].size > 0) return -1;
    const spec = this.specs[link];
    if (spec.lossProbability > 0 && this.rng.chance(spec.lossProbability)) return -1;
    let sentUs = nowUs;
    if (spec.bandwidthPerS !== Infinity) {
      sentUs = Math.max(nowUs, this.busyUntilUs[link]) + Math.ceil((size * 1e6) / spec.bandwidthPerS);
      this.busyUntilUs[link] = sentUs;
    }
    this.lastTransmittedUs = sentUs;
    let delayUs = spec.latencyUs;
    if (spec.jitterUs > 0) delayUs += Math.round(this.rng.uniform(-spec.jitterUs, spec.jitterUs));
    const arrival = Math.max(sentUs + delayUs, this.lastArrivalUs[link]);
    this.lastArrivalUs[link] = arrival;
    return arrival;
  }

  /** Cuts both directions of every link between endpoints of different groups. */
  cutBetween(cutId: number, groups: readonly (readonly number[])[]): void {
    for (let g = 0; g < groups.length; g++) {
      for (let h = 0; h < groups.length; h++) {
        if (g === h) continue;
        for (const source of groups[g]) {
          for (const target of groups[h]) {
            if (source !== target) this.cuts[source * this.size + target].add(cutId);
          }
        }
      }
    }
  }

  /** Removes one cut wherever it holds. */
  heal(cutId: number): void {
    for (const cut of this.cuts) cut.delete(cutId);
  }

  healAll(): void {
    for (const cut of this.cuts) cut.clear();
  }
}

/**
 * The spec of one directed link: defaults, then overrides from least to most specific
 * (zone↔zone, then zone↔endpoint, then endpoint↔endpoint), in declaration order within a level.
 */
export function resolveLinkSpec(config: NetworkConfig, source: Endpoint, target: Endpoint): LinkSpec {
  const matches = (name: string, endpoint: Endpoint): 0 | 1 | 2 =>
    name === endpoint.name ? 2 : name === endpoint.zone ? 1 : 0;
  const applicable: { level: number; order: number; spec: Partial<LinkSpec> }[] = [];
  config.overrides.forEach((override, order) => {
    let level = matches(override.source, source) * matches(override.target, target);
    if (level === 0 && override.bothWays) level = matches(override.source, target) * matches(override.target, source);
    if (level > 0) applicable.push({ level, order, spec: override.spec });
  });
  applicable.sort((a, b) => a.level - b.level || a.order - b.order);
  const spec: LinkSpec = { ...config.defaults };
  for (const { spec: partial } of applicable) {
    if (partial.latencyUs !== undefined) spec.latencyUs = partial.latencyUs;
    if (partial.jitterUs !== undefined) spec.jitterUs = partial.jitterUs;
    if (partial.lossProbability !== undefined) spec.lossProbability = partial.lossProbability;
    if (partial.bandwidthPerS !== undefined) spec.bandwidthPerS = partial.bandwidthPerS;
  }
  return spec;
}
