// The benchmark's hold-model rows (hold.ts): the engine's event set, through Simulation and
// EventQueue, against a bare typed-array binary heap, at N = 10³ … 10⁶ pending events.
import { holdVariants, holdsFor, type HoldVariant } from "./hold.ts";
import type { BenchOptions } from "./options.ts";
import { median, record } from "./rows.ts";

export function holdSection({ repeats, holdSizes }: BenchOptions): void {
  console.log(`\n1. engine hold model (median of ${repeats}; holds per second)`);
  // Warm-up: every variant compiled before anything is timed.
  for (const variant of Object.values(holdVariants)) variant(1000, 200_000);
  const order = Object.keys(holdVariants) as HoldVariant[];
  for (const n of holdSizes) {
    const rates: Record<HoldVariant, number[]> = { next: [], queue: [], bare: [] };
    for (let r = 0; r < repeats; r++) {
      // Rotate the order so no variant always runs first (or right after a large heap was freed).
      for (let k = 0; k < order.length; k++) {
        const variant = order[(k + r) % order.length];
        rates[variant].push(holdVariants[variant](n, holdsFor(n)).holdsPerS);
      }
    }
    const [next, queue, bare] = [rates.next, rates.queue, rates.bare].map(median);
    const label = `N=1e${Math.round(Math.log10(n))}`;
    const target = n === 1e4 || n === 1e5 ? { atLeast: 0.8 } : undefined;
    record("hold", `${label} Simulation.next/at loop`, next, "holds/s");
    record("hold", `${label} EventQueue push/pop`, queue, "holds/s");
    record("hold", `${label} bare typed-array heap`, bare, "holds/s");
    record("hold", `${label} Simulation.next / bare`, next / bare, "ratio", target);
    record("hold", `${label} EventQueue / bare`, queue / bare, "ratio");
  }
}
