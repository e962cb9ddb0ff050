// A consecutive-failures detector, the common health-check rule ("check every 5 s, 3 failures":
// Kubernetes probes, HAProxy fall/rise, pg_auto_failover): a probe without a reply within
// `probeTimeoutUs` has failed; `failures` failed probes in a row make the node suspected, and
// `successes` answered probes in a row make it trusted again. A reply counts only if it arrives
// before its probe's deadline. Its verdict is a function of time like any detector's: a probe
// whose deadline has passed counts as failed from that instant, when suspects() is asked, whether
// or not its deadline event has been handled yet (several probes sent together fall due together).
// After a crash at a uniformly random time, suspicion comes ((failures − 1)·interval,
// failures·interval] after it, plus the probe timeout.
import {
  countAtLeastOne,
  drawDuration,
  drawInt,
  duration,
  durationText,
  parseDuration,
  spokenDuration,
  type Duration,
} from "../../dsl/index.ts";
import type { FailureDetector } from "./detector.ts";
import type { DetectorKindModule } from "./detector-kind.ts";

export class ConsecutiveDetector implements FailureDetector {
  private failed = 0;
  private succeeded = 0;
  private suspected = false;
  /** Probes sent and not yet answered or expired, by sequence number: when each falls due. */
  private readonly open = new Map<number, number>();

  constructor(
    readonly probeTimeoutUs: number,
    private readonly failures: number,
    private readonly successes: number,
  ) {}

  probeSent(seq: number, nowUs: number): void {
    this.open.set(seq, nowUs + this.probeTimeoutUs);
  }

  reply(seq: number, _sentUs: number, nowUs: number): void {
    this.expireDue(nowUs);
    if (!this.open.delete(seq)) return; // late: the probe has already failed
    this.failed = 0;
    this.succeeded++;
    if (this.suspected && this.succeeded >= this.successes) this.suspected = false;
  }

  /** Only probes count: a health check is passed or failed, whatever else the node says. */
  lifeSign(_nowUs?: number): void {}

  probeExpired(_seq: number, nowUs: number): void {
    this.expireDue(nowUs);
  }

  suspects(nowUs: number): boolean {
    this.expireDue(nowUs);
    return this.suspected;
  }

  suspicionAtUs(): number {
    return Infinity;
  }

  /** Trusted: the first open probe's deadline (its failure may be the one that tips it). */
  verdictChangesAtUs(nowUs: number): number {
    if (this.suspects(nowUs)) return Infinity;
    let firstDueUs = Infinity;
    for (const dueUs of this.open.values()) if (dueUs < firstDueUs) firstDueUs = dueUs;
    return firstDueUs;
  }

  reset(_nowUs?: number): void {
    this.failed = 0;
    this.succeeded = 0;
    this.suspected = false;
    this.open.clear();
  }

  /** Every open probe whose deadline has come fails, in the order the probes were sent. */
  private expireDue(nowUs: number): void {
    for (const [seq, dueUs] of this.open) {
      if (dueUs > nowUs) continue;
      this.open.delete(seq);
      this.succeeded = 0;
      this.failed++;
      if (this.failed >= this.failures) this.suspected = true;
    }
  }
}

type ConsecutiveConfig = {
  kind: "consecutive";
  intervalUs: number;
  probeTimeoutUs: number;
  failures: number;
  successes: number;
};

export interface ConsecutiveSpec {
  /** consecutive: probe period from each monitor to each database node. Default "10s" (Kubernetes periodSeconds). */
  interval?: Duration;
  /** consecutive: a probe without reply this long has failed. Default "1s" (Kubernetes timeoutSeconds). */
  probeTimeout?: Duration;
  /** consecutive: failed probes in a row to suspect. Default 3 (Kubernetes failureThreshold). */
  failures?: number;
  /** consecutive: answered probes in a row to trust again. Default 1 (Kubernetes successThreshold). */
  successes?: number;
}

const fields = {
  interval: duration({ positive: true }).optional(),
  probeTimeout: duration({ positive: true }).optional(),
  failures: countAtLeastOne.optional(),
  successes: countAtLeastOne.optional(),
};

/** Kubernetes probe defaults: periodSeconds 10, timeoutSeconds 1, failureThreshold 3,
 *  successThreshold 1 (kubernetes.io, configure liveness/readiness/startup probes). */
const defaults = { interval: "10s", probeTimeout: "1s", failures: 3, successes: 1 } as const;

const msUs = 1000;
const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);

const kind: DetectorKindModule<ConsecutiveConfig, typeof fields, ConsecutiveSpec> = {
  fields,
  defaults,
  resolve: (spec) => ({
    kind: "consecutive",
    intervalUs: spec.interval ?? parseDuration(defaults.interval),
    probeTimeoutUs: spec.probeTimeout ?? parseDuration(defaults.probeTimeout),
    failures: spec.failures ?? defaults.failures,
    successes: spec.successes ?? defaults.successes,
  }),
  create: (config) =>
    new ConsecutiveDetector(config.probeTimeoutUs, config.failures, config.successes),
  heardBy: "probes",
  describe: (config) =>
    `each monitor probes every node every ${spokenDuration(config.intervalUs)}; a probe unanswered within ${spokenDuration(config.probeTimeoutUs)} fails; ` +
    `${config.failures} failed ${plural(config.failures, "probe")} in a row ${config.failures === 1 ? "makes" : "make"} a suspect, ${config.successes} good ${plural(config.successes, "one")} ${config.successes === 1 ? "trusts" : "trust"} it again`,
  suspicion: (config, who, _one, node) => {
    const probes = config.failures === 1 ? "a probe" : `${config.failures} probes in a row`;
    return `${node} has failed ${probes} from ${who} (no reply within ${spokenDuration(config.probeTimeoutUs)})`;
  },
  draw: (rng) => {
    const intervalUs = Math.round(rng.uniform(0.5, 5) * 1000) * msUs;
    return {
      kind: "consecutive",
      interval: durationText(intervalUs),
      probeTimeout: drawDuration(rng, 100 * msUs, intervalUs),
      failures: drawInt(rng, 1, 5),
      successes: drawInt(rng, 1, 3),
    };
  },
  detectionUs: (config) =>
    (config.failures + config.successes) * config.intervalUs + config.probeTimeoutUs,
};
export default kind;
