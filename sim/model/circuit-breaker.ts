// A client group's circuit breaker, as opossum (Node.js) implements one: every call the group
// fires goes through it. Closed: calls go out; each failure (a timeout or a rejection) checks
// the rolling window — `rollingCountTimeout` cut into `rollingCountBuckets` buckets, rotated on
// a fixed clock from the start of the run — and opens the breaker when failures / fires × 100
// exceeds `errorThresholdPercentage` (strictly), once the window holds at least
// `volumeThreshold` fires. Open: calls fail at once ("breaker-open": no request leaves the
// client) until `resetTimeout` has passed; then half-open: the next call is let through as a
// trial and the others are rejected while it is out; its success closes the breaker, its
// failure opens it again for another `resetTimeout`. Fires count every call, rejected ones
// included; the window is not cleared on closing (opossum keeps it). With `fallback`, a call
// that fails — rejected by the open breaker, timed out or refused — is answered by the
// fallback (a degraded answer, counted apart from errors: nothing was written), and, being
// answered, is not retried. The breaker wraps the group's writes — its calls; reads go around
// it. CircuitBreaker is sans-io (handed `nowUs`); GroupBreaker ties it to a client group: it
// schedules the half-open timer and tells the trace of each change of state.
import type { BreakerConfig } from "./client-config.ts";
import type { WorldEvent } from "./messages.ts";
import type { TraceEvent, WriteFailure } from "./trace.ts";

export type BreakerState = "closed" | "open" | "half-open";

/** A change of state for the trace, with the window's counts when it happened and the calls
 *  the breaker rejected since it last opened. */
export interface BreakerChange {
  state: BreakerState;
  fires: number;
  failures: number;
  rejected: number;
}

export class CircuitBreaker {
  private current: BreakerState = "closed";
  /** Half-open: the trial call has not gone out yet. */
  private trialFree = false;
  private readonly bucketUs: number;
  /** Per bucket slot: the bucket's number (time / bucketUs) and its counts. */
  private readonly stamps: Float64Array;
  private readonly fires: Float64Array;
  private readonly failures: Float64Array;
  /** Counts opens, so a half-open timer of an earlier open is void. */
  generation = 0;
  /** Calls rejected since the breaker last opened. */
  private rejected = 0;

  constructor(readonly config: BreakerConfig) {
    const buckets = config.rollingCountBuckets;
    // opossum rotates every floor(rollingCountTimeout / rollingCountBuckets) ms.
    this.bucketUs = Math.max(
      1000,
      Math.floor(config.rollingCountTimeoutUs / buckets / 1000) * 1000,
    );
    this.stamps = new Float64Array(buckets).fill(-1);
    this.fires = new Float64Array(buckets);
    this.failures = new Float64Array(buckets);
  }

  get state(): BreakerState {
    return this.current;
  }

  /** A call is fired: true when it may go out, false when the breaker rejects it. */
  fire(nowUs: number): boolean {
    this.count(nowUs, this.fires);
    if (this.current === "closed") return true;
    if (this.current === "half-open" && this.trialFree) {
      this.trialFree = false;
      return true;
    }
    this.rejected++;
    return false;
  }

  /** A call that went out succeeded; the change of state, if any. */
  succeeded(nowUs: number): BreakerChange | null {
    return this.current === "half-open" ? this.become("closed", nowUs) : null;
  }

  /** A call that went out failed; the change of state, if any (the breaker opens). */
  failed(nowUs: number): BreakerChange | null {
    this.count(nowUs, this.failures);
    if (this.current === "open") return null;
    const { fires, failures } = this.window(nowUs);
    const halfOpen = this.current === "half-open";
    if (fires < this.config.volumeThreshold && !halfOpen) return null;
    if (!halfOpen && failures * 100 <= this.config.errorThresholdPercentage * fires) return null;
    return this.become("open", nowUs);
  }

  /** `resetTimeout` after opening (generation `generation`): half-open, one trial call allowed. */
  halfOpen(generation: number, nowUs: number): BreakerChange | null {
    if (generation !== this.generation || this.current !== "open") return null;
    this.trialFree = true;
    return this.become("half-open", nowUs);
  }

  /** The window's fires and failures at `nowUs`: the current bucket and the ones before it. */
  window(nowUs: number): { fires: number; failures: number } {
    const bucket = Math.floor(nowUs / this.bucketUs);
    let fires = 0;
    let failures = 0;
    for (let slot = 0; slot < this.stamps.length; slot++) {
      if (this.stamps[slot] <= bucket - this.stamps.length) continue;
      fires += this.fires[slot];
      failures += this.failures[slot];
    }
    return { fires, failures };
  }

  private become(state: BreakerState, nowUs: number): BreakerChange {
    this.current = state;
    const change = { state, ...this.window(nowUs), rejected: this.rejected };
    if (state === "open") {
      this.generation++;
      this.trialFree = false;
      this.rejected = 0;
      change.rejected = 0;
    }
    return change;
  }

  private count(nowUs: number, counts: Float64Array): void {
    const bucket = Math.floor(nowUs / this.bucketUs);
    const slot = bucket % this.stamps.length;
    if (this.stamps[slot] !== bucket) {
      this.stamps[slot] = bucket;
      this.fires[slot] = 0;
      this.failures[slot] = 0;
    }
    counts[slot]++;
  }
}

/** The world as a group's breaker uses it. */
export interface BreakerWorld {
  readonly nowUs: number;
  at(timeUs: number, event: WorldEvent): void;
  emit(event: TraceEvent): void;
}

/** A client group's breaker: the calls of the group go through `admit`, their outcomes come back. */
export class GroupBreaker {
  private readonly breaker: CircuitBreaker;

  constructor(
    config: BreakerConfig,
    private readonly group: { readonly name: string; readonly index: number },
    private readonly world: BreakerWorld,
  ) {
    this.breaker = new CircuitBreaker(config);
  }

  /** A call is fired: true when it may go out. */
  admit(): boolean {
    return this.breaker.fire(this.world.nowUs);
  }

  succeeded(): void {
    this.announce(this.breaker.succeeded(this.world.nowUs));
  }

  /** A call failed for `reason` (a rejection by the breaker itself is no call's failure): how
   *  the write ends — "fallback" when the fallback answers it, else the reason. */
  failed(reason: WriteFailure): WriteFailure {
    if (reason !== "breaker-open") this.announce(this.breaker.failed(this.world.nowUs));
    return this.breaker.config.fallback ? "fallback" : reason;
  }

  /** The half-open timer of the `generation`-th opening. */
  timer(generation: number): void {
    this.announce(this.breaker.halfOpen(generation, this.world.nowUs));
  }

  private announce(change: BreakerChange | null): void {
    if (change === null) return;
    const { nowUs } = this.world;
    this.world.emit({ kind: "breaker", tUs: nowUs, client: this.group.name, ...change });
    if (change.state === "open")
      this.world.at(nowUs + this.breaker.config.halfOpenAfterUs, {
        kind: "breaker-timer",
        client: this.group.index,
        generation: this.breaker.generation,
      });
  }
}
