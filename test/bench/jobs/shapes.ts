// The benchmark jobs' shapes, in one place for the scenario files (heartbeat-job.ts,
// write-job.ts) and the benchmark that divides by them. No imports: the benchmark reads these
// without loading the simulator.

export const heartbeatJobShape = {
  /** One monitor watching these: 20 monitored pairs. */
  dataNodes: 20,
  intervalMs: 100,
  timeoutMs: 300,
  /** The job's two lengths: the 10 simulated hours, and one hour, where start-up shows. */
  hours: [10, 1],
} as const;

/** Rounds per monitor in a run of `durationS` seconds: one at 0 and one every interval after,
 *  the last one at the end itself (a monitor's first heartbeat is at 0, world-start.ts). */
export function heartbeatRounds(durationS: number): number {
  return Math.floor((durationS * 1000) / heartbeatJobShape.intervalMs) + 1;
}

/** Heartbeat rounds of the whole job: each monitor's rounds at each data node it watches. */
export function heartbeatNodeRounds(durationS: number, monitors = 1): number {
  return heartbeatRounds(durationS) * heartbeatJobShape.dataNodes * monitors;
}

export const writeJobShape = {
  writesPerS: 1000,
  /** Ten simulated minutes: 600,000 writes, far past any start-up transient. */
  durationS: 600,
} as const;
