// The timeout detector: a node is suspected once nothing has been heard from it for `timeout`
// (Redis Sentinel's down-after-milliseconds). Any reply counts, however late. Monitors probe
// every node each `interval`. The class is also the lease detector's (lease.ts): a timeout on
// lease renewals.
import {
  drawDuration,
  duration,
  durationText,
  parseDuration,
  spokenDuration,
  type Duration,
} from "../../dsl/index.ts";
import type { FailureDetector } from "./detector.ts";
import type { DetectorKindModule } from "./detector-kind.ts";

export class TimeoutDetector implements FailureDetector {
  readonly probeTimeoutUs = 0;
  private lastHeardUs = 0;

  constructor(
    private readonly timeoutUs: number,
    startUs: number,
  ) {
    this.lastHeardUs = startUs;
  }

  probeSent(): void {}

  reply(_seq: number, _sentUs: number, nowUs: number): void {
    if (nowUs > this.lastHeardUs) this.lastHeardUs = nowUs;
  }

  lifeSign(nowUs: number): void {
    if (nowUs > this.lastHeardUs) this.lastHeardUs = nowUs;
  }

  probeExpired(): void {}

  suspects(nowUs: number): boolean {
    return nowUs - this.lastHeardUs >= this.timeoutUs;
  }

  suspicionAtUs(): number {
    return this.lastHeardUs + this.timeoutUs;
  }

  verdictChangesAtUs(nowUs: number): number {
    return this.suspects(nowUs) ? Infinity : this.suspicionAtUs();
  }

  reset(nowUs: number): void {
    this.lastHeardUs = nowUs;
  }
}

type TimeoutConfig = { kind: "timeout"; intervalUs: number; timeoutUs: number };

export interface TimeoutSpec {
  /** timeout: probe period from each monitor to each database node. Default "1s" (Redis Sentinel). */
  interval?: Duration;
  /** timeout: silence after which a monitor suspects a node. Default "30s" (Redis Sentinel down-after-milliseconds). */
  timeout?: Duration;
}

const fields = {
  interval: duration({ positive: true }).optional(),
  timeout: duration({ positive: true }).optional(),
};

const defaults = {
  /** Redis Sentinel SENTINEL_PING_PERIOD, 1000 ms (redis/redis src/sentinel.c). */
  interval: "1s",
  /** Redis Sentinel down-after-milliseconds default, 30 000 ms (redis/redis sentinel.conf). */
  timeout: "30s",
} as const;

const msUs = 1000;

const kind: DetectorKindModule<TimeoutConfig, typeof fields, TimeoutSpec> = {
  fields,
  defaults,
  resolve: (spec) => ({
    kind: "timeout",
    intervalUs: spec.interval ?? parseDuration(defaults.interval),
    timeoutUs: spec.timeout ?? parseDuration(defaults.timeout),
  }),
  create: (config, _lease, startUs) => new TimeoutDetector(config.timeoutUs, startUs),
  heardBy: "probes",
  describe: (config) =>
    `each monitor probes every node every ${spokenDuration(config.intervalUs)} and suspects one it has not heard from for ${spokenDuration(config.timeoutUs)}`,
  suspicion: (config, who, one, node) =>
    `${who} ${one ? "has" : "have"} heard nothing from ${node} for ${spokenDuration(config.timeoutUs)} (the timeout)`,
  draw: (rng) => {
    const intervalUs = Math.round(rng.uniform(0.5, 3) * 1000) * msUs;
    return {
      kind: "timeout",
      interval: durationText(intervalUs),
      timeout: drawDuration(rng, 1.5 * intervalUs, 6 * intervalUs),
    };
  },
  detectionUs: (config) => config.timeoutUs + config.intervalUs,
};
export default kind;
