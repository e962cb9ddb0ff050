// Failback thrash: an unstable primary and an eager failback policy.
//
// The story: db1 is the preferred primary but its host is flaky: it crashes at 1, 4 and 7
// minutes and comes back a minute after each crash. With `failback: "immediate"` (Pacemaker with
// resource-stickiness 0, Kubernetes readiness), every time db1 is back and caught up, the role
// moves back to it — and the next crash moves it away again: failover, failback, failover…
// each move costing a few seconds of errors, every failback a flap.
//
// Try `--set failover.failback=hold-down` (db1 must stay healthy 5 minutes first; it never does:
// the role stays on db2) and `--set failover.failback=never`.
//
// What to watch: failovers, failbacks and flaps; downtime_s grows with every needless move.
//
// The lesson: fail back deliberately. A node that just failed is the likeliest to fail again;
// hold it down until it has proved itself, or leave failback to a human.
import { at, crash, defineScenario, restart } from "failover-sim";

export default defineScenario({
  name: "failback-thrash",
  summary: "A flaky primary with immediate failback: the role bounces back and forth.",
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
  expect: { flaps: { min: 2 } },
});
