// Kubernetes readiness probes with their defaults: `policy: presets.kubernetesProbes()`.
//
// The system: a probe every 10 s (periodSeconds) with a 1 s timeout; three failures in a row
// (failureThreshold) take the pod out of the Service's endpoints and traffic goes to the other
// ready pod; one success (successThreshold) puts it back. No fencing, immediate failback. The
// monitor `kubelet` stands for the prober and the endpoints controller.
//
// What to watch: false_failovers 0; detection_s ≈ 26; rto_s ≈ 27. Try
// `--set policy.detector.interval=5s`: the blip now fails four probes and moves the traffic.
import { at, blip, crash, defineScenario, presets } from "failover-sim";

export default defineScenario({
  name: "preset-kubernetes-probes",
  summary: "Kubernetes probe defaults: a 20 s blip is tolerated; a crash moves traffic in ≈ 27 s.",
  story:
    "At 2 min the primary's zone is cut off for 20 s: two probes fail (2:00, 2:10), the third " +
    "(2:20) succeeds — no failover, and the clients, beside db1, never notice. At 6 min 5 s " +
    "db1 crashes: the probes at 6:10, 6:20 and 6:30 fail, the last one's timeout ends at " +
    "6:31, and db2 serves writes ≈ 27 s after the crash (documented ≈ 21–31 s).",
  lesson:
    "Probe defaults tolerate blips shorter than (failureThreshold − 1) × periodSeconds and " +
    "take up to half a minute to notice a dead pod.",
  questions: [
    {
      q: "How long can a dead pod keep receiving traffic with default readiness probes?",
      a: "Up to (failureThreshold − 1) × periodSeconds + timeoutSeconds ≈ 21–31 s, here 27 s.",
    },
    {
      q: "Why did the 20 s blip not move traffic?",
      a: "Only two probes fell inside it; it takes three failures in a row.",
    },
  ],
  duration: "10m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    kubelet: { role: "monitor", zone: "c" },
  },
  policy: presets.kubernetesProbes(),
  clients: { writes: "100/s", zone: "a" },
  faults: [at("2m", blip("20s", ["a"], ["b", "c"])), at("365s", crash("db1"))],
  expect: {
    failovers: 1,
    falseFailovers: 0,
    splitBrainS: 0,
    detectionS: { min: 21, max: 32 },
    downtimeS: { min: 22, max: 33 },
  },
});
