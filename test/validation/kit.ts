// Helpers shared by the validation cases: running a scenario built in code, reading the resolved
// configuration the closed forms are computed from (so a changed default changes the expected
// value with it, rather than silently breaking the comparison), and the assumptions every case
// makes about clients.
import type { WorldConfig } from "../../sim/model/index.ts";
import { runScenario, type RunResult } from "../../sim/run/run-scenario.ts";
import type { TraceLevel } from "../../sim/run/trace-level.ts";
import { resolveScenario, type Duration, type Scenario } from "../../sim/scenario/index.ts";

export const file = "test/validation";

/** A whole number of microseconds as a DSL duration. */
export const us = (value: number): Duration => `${Math.round(value)}us` as Duration;

/** The world the scenario resolves to, without overrides: what the closed form describes. */
export function resolved(scenario: Scenario): WorldConfig {
  return resolveScenario(scenario, { file }).world;
}

export function simulate(
  scenario: Scenario,
  seed: number,
  overrides: readonly string[],
  trace: TraceLevel = "none",
): RunResult {
  return runScenario(scenario, { file, seed, overrides: [...overrides], trace });
}

/** Seconds from microseconds. */
export const seconds = (valueUs: number): number => valueUs / 1e6;

/**
 * The derivations count a write as failed exactly when its one attempt is refused or gets no
 * answer, sent through a proxy that switches at once: one connection, no retries, no reconnect
 * delay. The client model has grown such options; this states the premise and stops a case
 * whose clients do not meet it.
 */
export function assumePlainClients(world: WorldConfig): void {
  for (const client of world.clients) {
    const options = client as unknown as {
      retries?: number;
      reconnectUs?: number;
      connections?: number;
      routing?: unknown;
    };
    const routing =
      typeof options.routing === "object" && options.routing !== null
        ? (options.routing as { kind?: string }).kind
        : options.routing;
    const plain =
      (options.retries ?? 0) === 0 &&
      (options.reconnectUs ?? 0) === 0 &&
      (options.connections ?? 1) === 1 &&
      (routing ?? "proxy") === "proxy";
    if (!plain)
      throw new Error(
        `validation assumes clients with one connection, no retries, no reconnect delay and a proxy; got ${JSON.stringify(client)}`,
      );
  }
}

/** A link setting the cases rely on: every message takes exactly `latency` (no jitter, no loss). */
export function fixedLatencyUs(world: WorldConfig): number {
  const { latency, jitterUs, lossProbability } = world.network.defaults;
  if (
    typeof latency !== "number" ||
    jitterUs !== 0 ||
    lossProbability !== 0 ||
    world.network.overrides.length > 0
  ) {
    throw new Error(
      "validation assumes a fixed latency without jitter, loss or per-link overrides",
    );
  }
  return latency;
}
