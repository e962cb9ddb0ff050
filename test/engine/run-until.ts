// The loop every caller of the engine writes: take events with next() until none is left at or
// before `untilUs`, handing each to `dispatch` with the time it happens.
import type { Simulation } from "../../sim/engine/index.ts";

export function runUntil<E>(
  sim: Simulation<E>,
  untilUs: number,
  dispatch: (event: E, nowUs: number) => void,
): void {
  for (let event = sim.next(untilUs); event !== undefined; event = sim.next(untilUs))
    dispatch(event, sim.nowUs);
}
