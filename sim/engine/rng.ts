// Named random streams. Every stream is seeded from (run seed, stream name) with seedrandom's
// `alea` generator — chosen once for speed (several times faster than the default ARC4); the
// choice fixes every recorded output. Because each consumer draws from its own named stream,
// adding a node or a client never shifts the draws of the others. Alea's state is seeded by
// seedrandom and stepped here with the same arithmetic as seedrandom/lib/alea.js (so the same
// draws): a draw is a few multiplications, without a call through seedrandom's closures.
import seedrandom from "seedrandom";

export class Rng {
  /** Alea's state s0, s1, s2 and c, in a typed array: a number stored in an object's field that
   *  V8 does not keep as a double is a new heap object at every store, and a run draws millions
   *  of times (this way a draw allocates nothing). */
  private readonly state = new Float64Array(4);

  constructor(seed: number, name: string) {
    const { s0, s1, s2, c } = seedrandom.alea(`${seed}/${name}`, { state: true }).state();
    this.state.set([s0, s1, s2, c]);
  }

  /** Uniform on [0, 1): one step of alea. */
  float(): number {
    const state = this.state;
    const t = 2091639 * state[0] + state[3] * 2.3283064365386963e-10; // 2^-32
    state[0] = state[1];
    state[1] = state[2];
    const c = t | 0;
    state[3] = c;
    return (state[2] = t - c);
  }

  /** Uniform on [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.float();
  }

  /** Integer uniform on [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return probability > 0 && this.float() < probability;
  }

  /** Exponentially distributed with the given mean (inverse transform; never returns Infinity). */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.float());
  }
}

export class RngStreams {
  private readonly streams = new Map<string, Rng>();

  constructor(readonly seed: number) {}

  /** The stream for this name, created on first use and the same object afterwards. */
  stream(name: string): Rng {
    let rng = this.streams.get(name);
    if (rng === undefined) this.streams.set(name, (rng = new Rng(this.seed, name)));
    return rng;
  }
}
