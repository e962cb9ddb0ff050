// A busy day: the benchmark scenario of `npm run bench` (test/bench/), and a soak test of the model.
//
// The story: a primary and two hot standbys, each in its own zone, watched by two monitors in an
// operations zone, take 1,000 writes per second for a whole day. Every hour one database node
// crashes (the three take turns, so sometimes it is the primary and a hot standby is promoted,
// sometimes a standby) and restarts a few minutes later, rejoining as a standby of whoever is
// primary then; and every hour one of the three database zones is cut off from the rest for
// half a minute to a minute and a half, which deposes a primary caught alone (epoch fencing
// keeps it from taking writes meanwhile) and strands the clients when they are the ones cut off.
//
// What to watch: dozens of failovers a day, some of them false (the partitioned primary was
// alive), downtime of a few seconds per failover, writes lost to asynchronous replication at
// each primary crash — and the run's wall time, events per second and peak memory, which is what
// this scenario is for: memory must not grow with the simulated duration.
//
// The schedule is computed here, from a fixed-seed generator (a 32-bit LCG, Numerical Recipes'
// constants) so that it is the same on every machine; `busyDay(hours)` builds the same scenario
// for any number of hours (the benchmark's one-hour run uses busyDay(1)).
import {
  at,
  crash,
  defineScenario,
  heal,
  partition,
  restart,
  type ScheduledFaultSpec,
} from "failover-sim";

const databases = ["db1", "db2", "db3"] as const;
const zones = ["a", "b", "c", "ops"] as const;

/** Uniform draws in [0, 1) from a fixed seed. */
function draws(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Whole seconds as a duration string. */
const seconds = (s: number) => `${Math.round(s)}s` as const;

/** Per hour: a crash 5–20 min in and its restart 3–6 min later; a partition 30–50 min in, healed 30–90 s later. */
function schedule(hours: number): ScheduledFaultSpec[] {
  const draw = draws(20240601);
  const faults: ScheduledFaultSpec[] = [];
  for (let hour = 0; hour < hours; hour++) {
    const startS = hour * 3600;
    const victim = databases[hour % databases.length];
    const crashS = startS + 300 + draw() * 900;
    faults.push(at(seconds(crashS), crash(victim)));
    faults.push(at(seconds(crashS + 180 + draw() * 180), restart(victim)));
    const cut = zones[(hour + 1) % databases.length];
    const partitionS = startS + 1800 + draw() * 1200;
    faults.push(
      at(
        seconds(partitionS),
        partition(
          [cut],
          zones.filter((zone) => zone !== cut),
        ),
      ),
    );
    faults.push(at(seconds(partitionS + 30 + draw() * 60), heal()));
  }
  return faults;
}

export function busyDay(hours: number) {
  return defineScenario({
    name: hours === 24 ? "bench-busy-day" : `bench-busy-${hours}h`,
    summary:
      "A day at 1,000 writes/s with a crash and a partition every hour: the benchmark scenario.",
    duration: `${hours}h`,
    seed: 1,
    nodes: {
      db1: { role: "primary", zone: "a" },
      db2: { role: "standby", readiness: "hot", zone: "b" },
      db3: { role: "standby", readiness: "hot", zone: "c" },
      mon1: { role: "monitor", zone: "ops" },
      mon2: { role: "monitor", zone: "ops" },
    },
    network: { latency: "1ms", jitter: "0.5ms", loss: 0 },
    replication: { mode: "async", lag: "10ms" },
    detector: { kind: "timeout", interval: "100ms", timeout: "1s" },
    failover: { automatic: true, quorum: 1, fencing: "epoch", failback: "never" },
    clients: { writes: "1000/s", zone: "a", routing: "proxy", timeout: "1s" },
    faults: schedule(hours),
  });
}

export default busyDay(24);
