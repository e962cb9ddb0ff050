// The hold model, the classic benchmark of a pending-event set (Vaucher & Duval 1975; Jones 1986):
// N events pending; each step pops the earliest and pushes one at now + Exp(mean). Run three ways:
// - "next": through Simulation.next / at: a loop over events, as the world drives it;
// - "queue": through EventQueue.push / pop directly;
// - "bare": a binary heap written here on typed arrays (Float64Array keys, Int32Array payloads),
//   with no tie-break, no payload table and no checks — the limit proxy for what the engine's
//   heap could be.
// All three draw their delays from the same precomputed table (whole microseconds, mean 1 s), so
// the timings compare the queues, not the random number generator.
import { EventQueue, RngStreams, Simulation } from "../../sim/engine/index.ts";

const meanUs = 1_000_000;
const tableSize = 1 << 20;

export const delaysUs: Int32Array = (() => {
  const rng = new RngStreams(1).stream("hold");
  const table = new Int32Array(tableSize);
  for (let i = 0; i < tableSize; i++) table[i] = Math.round(rng.exponential(meanUs));
  return table;
})();

export interface HoldResult {
  holds: number;
  seconds: number;
  holdsPerS: number;
  /** Sum of popped times: keeps the work observable so no variant can skip it. */
  checksum: number;
}

/** Holds per run: enough to reach steady state and to take ≥ 0.2 s on a fast machine. */
export function holdsFor(n: number): number {
  return Math.max(2_000_000, 3 * n);
}

/** Through Simulation.next: a loop over events, no callback per event. */
export function holdNext(n: number, holds: number): HoldResult {
  const simulation = new Simulation<number>({
    maxEvents: Number.MAX_SAFE_INTEGER,
    maxPending: n + 1,
  });
  const table = delaysUs;
  let draw = 0;
  for (let i = 0; i < n; i++) simulation.at(table[draw++ & (tableSize - 1)], i);
  let checksum = 0;
  const untilUs = Number.MAX_SAFE_INTEGER;
  const start = performance.now();
  for (let h = 0; h < holds; h++) {
    const event = simulation.next(untilUs)!;
    const nowUs = simulation.nowUs;
    checksum += nowUs;
    simulation.at(nowUs + table[draw++ & (tableSize - 1)], event);
  }
  const seconds = (performance.now() - start) / 1000;
  return { holds, seconds, holdsPerS: holds / seconds, checksum };
}

export function holdQueue(n: number, holds: number): HoldResult {
  const queue = new EventQueue<number>(n + 1);
  const table = delaysUs;
  let draw = 0;
  for (let i = 0; i < n; i++) queue.push(table[draw++ & (tableSize - 1)], i);
  let checksum = 0;
  const start = performance.now();
  for (let h = 0; h < holds; h++) {
    const nowUs = queue.peekTimeUs();
    const event = queue.pop();
    checksum += nowUs;
    queue.push(nowUs + table[draw++ & (tableSize - 1)], event);
  }
  const seconds = (performance.now() - start) / 1000;
  return { holds, seconds, holdsPerS: holds / seconds, checksum };
}

/** The limit proxy: a plain binary min-heap of (Float64 key, Int32 payload). */
class BareHeap {
  readonly keys: Float64Array;
  readonly values: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
  }

  push(key: number, value: number): void {
    const { keys, values } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = keys[parent];
      if (parentKey <= key) break;
      keys[i] = parentKey;
      values[i] = values[parent];
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** Removes the minimum; read it first from keys[0] / values[0]. */
  pop(): void {
    const { keys, values } = this;
    const n = --this.size;
    const key = keys[n];
    const value = values[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1] < keys[child]) child++;
      if (key <= keys[child]) break;
      keys[i] = keys[child];
      values[i] = values[child];
      i = child;
    }
    keys[i] = key;
    values[i] = value;
  }
}

export function holdBare(n: number, holds: number): HoldResult {
  const heap = new BareHeap(n + 1);
  const table = delaysUs;
  let draw = 0;
  for (let i = 0; i < n; i++) heap.push(table[draw++ & (tableSize - 1)], i);
  let checksum = 0;
  const start = performance.now();
  for (let h = 0; h < holds; h++) {
    const nowUs = heap.keys[0];
    const value = heap.values[0];
    heap.pop();
    checksum += nowUs;
    heap.push(nowUs + table[draw++ & (tableSize - 1)], value);
  }
  const seconds = (performance.now() - start) / 1000;
  return { holds, seconds, holdsPerS: holds / seconds, checksum };
}

export const holdVariants = { next: holdNext, queue: holdQueue, bare: holdBare } as const;
export type HoldVariant = keyof typeof holdVariants;
