// What every failure detector offers its monitor. Detectors are sans-io: they are handed the
// time and the probes' fate and never read a clock, so each is testable alone. A monitor probes
// each node every interval; the detector hears when a probe was sent, when its reply came and
// when its deadline passed, and says whether it suspects the node — now, and (for detectors
// whose verdict only depends on silence) from when on if nothing more is heard.

export interface FailureDetector {
  /** A probe went out at `nowUs`. */
  probeSent(seq: number, nowUs: number): void;
  /** The reply to probe `seq`, sent at `sentUs`, arrived at `nowUs`. */
  reply(seq: number, sentUs: number, nowUs: number): void;
  /** The node was heard from otherwise than by a reply to a probe (it announced its promotion):
   *  a detector that judges by silence counts it as a sign of life; one that counts probes does not. */
  lifeSign(nowUs: number): void;
  /** Probe `seq`'s deadline passed (only for detectors with a probe timeout). */
  probeExpired(seq: number, nowUs: number): void;
  suspects(nowUs: number): boolean;
  /** When suspicion begins if nothing more is heard; Infinity when only probe deadlines decide. */
  suspicionAtUs(): number;
  /** The earliest instant after `nowUs` at which suspects() may answer otherwise than it does at
   *  `nowUs` if nothing more is heard (nothing changes before it); Infinity when only news can
   *  change the verdict. Its monitor asks no detector again before then (monitor-watch.ts). */
  verdictChangesAtUs(nowUs: number): number;
  /** Forget the past, as a restarted monitor does: judge from `nowUs` on. */
  reset(nowUs: number): void;
  /** After how long a probe counts as failed; 0 when the detector does not time probes out. */
  readonly probeTimeoutUs: number;
}
