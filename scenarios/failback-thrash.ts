// Failback thrash: an unstable primary and an eager failback policy.
//
// What to watch (seed 1): in the timeline, the primary role changing hands six times — db2 at
// 1:05, 4:05 and 7:05, db1 again at 2:03, 5:03 and 8:03; failovers 6, failbacks 3, flaps 5,
// downtime_s 21.0.
//
// Try: `--set failover.failback=hold-down` (db1 must stay healthy for 5 minutes first; it never
// does, so the role stays on db2: one failover, downtime_s 5.0 — the later crashes hit a standby)
// and `--set failover.failback=never` (the same here).
import { at, crash, defineScenario, restart } from "failover-sim";

export default defineScenario({
  name: "failback-thrash",
  summary: "A flaky primary with immediate failback: the role bounces back and forth.",
  story:
    "db1 is the preferred primary but its host is flaky: it crashes at 1, 4 and 7 minutes and " +
    'comes back a minute after each crash. With `failback: "immediate"` (Pacemaker with ' +
    "resource-stickiness 0, Kubernetes readiness), every time db1 is back and caught up, the " +
    "role moves back to it — and the next crash moves it away again: failover, failback, " +
    "failover… Each crash costs about 5 s of errors (detection and promotion), each planned " +
    "handover back about 2 s (db2 stops taking writes, db1 catches up and is promoted).",
  lesson:
    "Fail back deliberately: a node that just failed is the likeliest to fail again, so hold " +
    "it down until it has proved itself or leave failback to a human.",
  questions: [
    {
      q: "Why does automatic failback quadruple the downtime here?",
      a:
        "Every failback puts the role back on the flaky node, so each of its crashes becomes a " +
        "failover again, and each handover costs seconds of its own.",
    },
    {
      q: "What is a flap, and why count it?",
      a:
        "A role change that undoes a recent one; many flaps mean the policy reacts to noise and " +
        "every move risks errors and lost writes.",
    },
    {
      q: "When is automatic failback the right choice?",
      a:
        "When the preferred node is much better (location, size) and failures are rare and clean " +
        "— with a hold-down long enough to see that it is healthy.",
    },
  ],
  keyFigures: ["failovers", "flaps", "downtimeS"],
  duration: "10m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    mon: { role: "monitor", zone: "c" },
  },
  network: { latency: "1ms", jitter: "0.5ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "5s" },
  failover: { failback: "immediate", holdDown: "5m" },
  clients: { writes: "100/s", zone: "a" },
  faults: [
    at("1m", crash("db1")),
    at("2m", restart("db1")),
    at("4m", crash("db1")),
    at("5m", restart("db1")),
    at("7m", crash("db1")),
    at("8m", restart("db1")),
  ],
  expect: {
    failovers: { min: 5 },
    failbacks: { min: 2 },
    flaps: { min: 2 },
    downtimeS: { min: 15 },
  },
});
