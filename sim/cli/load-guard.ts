// A time limit on loading a scenario module (--max-load): a scenario file is code, and code can
// loop forever at load. An async hang is caught by a timer. A synchronous loop holds the main
// thread, so no timer of ours can fire: a watchdog thread then asks V8, through the in-process
// inspector (inspector.Session.connectToMainThread, the debugger's own channel), to terminate the
// JavaScript the main thread is running — the module's top level — which unwinds it; the main
// thread is free again and reports the limit. The watchdog acts only once the main thread's own
// timer has failed to fire for a grace period, i.e. while it is stuck running code, and repeats
// its message so that one terminated callback cannot swallow it. Where there is no inspector (a
// Node built without it) or this is not the main thread (a test runner's worker), only the timer
// applies. Residual race, accepted: a module that finishes at the very instant the watchdog acts.
import { isMainThread, Worker } from "node:worker_threads";

/** What the load of a module took too long for. */
export class LoadTimeout extends Error {
  constructor(readonly limitUs: number) {
    super(`load took longer than ${limitUs} µs`);
    this.name = "LoadTimeout";
  }
}

const graceMs = 250;

const watchdogSource = `
const { parentPort, workerData } = require("node:worker_threads");
let session;
try {
  const inspector = require("node:inspector");
  session = new inspector.Session();
  session.connectToMainThread();
} catch {
  session = undefined;
}
const state = new Int32Array(workerData.state);
setTimeout(() => {
  // 0: loading; 1: loaded; 2: the main thread's timer fired; 3: terminated by this watchdog.
  if (Atomics.compareExchange(state, 0, 0, 3) !== 0 || session === undefined) return;
  session.post("Runtime.terminateExecution", () => undefined);
  setInterval(() => parentPort.postMessage("terminated"), 50);
}, workerData.ms + ${graceMs});
`;

/** `load()`, or a LoadTimeout once it has taken longer than `limitUs` (0: no limit). */
export async function loadWithin<T>(load: () => Promise<T>, limitUs: number): Promise<T> {
  if (limitUs <= 0) return load();
  const ms = limitUs / 1000;
  const state = new Int32Array(new SharedArrayBuffer(4));
  const watchdog = isMainThread
    ? new Worker(watchdogSource, { eval: true, workerData: { ms, state: state.buffer } })
    : undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof LoadTimeout>((resolve) => {
    timer = setTimeout(() => {
      Atomics.compareExchange(state, 0, 0, 2);
      resolve(LoadTimeout);
    }, ms);
    watchdog?.on("message", () => resolve(LoadTimeout));
  });
  try {
    const loaded = await Promise.race([load(), timeout]);
    if (loaded === LoadTimeout || Atomics.compareExchange(state, 0, 0, 1) === 3)
      throw new LoadTimeout(limitUs);
    return loaded as T;
  } finally {
    clearTimeout(timer);
    await watchdog?.terminate();
  }
}
