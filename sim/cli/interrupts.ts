// Ctrl-C (SIGINT) and SIGTERM while a command works: the first one aborts the command's signal,
// and the command stops at its next step, leaves the previous report as it was, says so and
// exits 130 or 143 (128 + the signal's number, as a shell reports a command stopped by it). A
// second one gets Node's default: stop at once (what is on disk is whole either way).
export const signalExitCodes = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof signalExitCodes;

/** What a command throws when it stops for a signal. */
export class Interruption extends Error {
  constructor(readonly signal: StopSignal) {
    super(`interrupted by ${signal}`);
    this.name = "Interruption";
  }
}

export interface Interrupts {
  /** Aborted, with an Interruption as its reason, at the first signal. */
  signal: AbortSignal;
  /** Throws the Interruption if a signal came. */
  check(): void;
  /** Stops listening. */
  stop(): void;
}

export function catchInterrupts(): Interrupts {
  const controller = new AbortController();
  const handlers = (Object.keys(signalExitCodes) as StopSignal[]).map((name) => {
    const handler = () => {
      stop();
      controller.abort(new Interruption(name));
    };
    process.once(name, handler);
    return [name, handler] as const;
  });
  const stop = () => {
    for (const [name, handler] of handlers) process.removeListener(name, handler);
  };
  return { signal: controller.signal, check: () => controller.signal.throwIfAborted(), stop };
}
