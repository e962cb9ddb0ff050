// Kubernetes self-healing: restartPolicy Always and CrashLoopBackOff.
//
// What to watch (seed 1): at 0:30 api2 is out of rotation and restarted in the same instant, back
// in rotation at 0:31 — no request fails. From 2:00 the three pods restart at 2:00, 2:15, 2:40,
// 3:25, 4:50 and 7:35 (api2, one step ahead since its 0:30 restart, at 2:10, 2:35, 3:20, 4:45 and
// 7:30), each living 5 s; the waits reach the 5-minute cap, so when the cause is gone at 10:00
// they are all waiting: api2 starts at 12:35, api1 and api3 at 12:40. rto_s 636.0 — the service
// came back 2 min 36 s after its cause was gone; restarts 21, availability 0.507, downtime_s
// 592.0, detection_s 0.0 (the kubelet, not a probe, noticed each exit).
//
// Try: `--set nodes.api2.restartPolicy=never` — a crash the way `sim import` models a Kubernetes
// crash (silent, found by the readiness probe, never restarted; docs/import.md): api2 keeps
// receiving a third of the requests for 11 s until three probes have failed, 1,124 requests fail,
// and it stays down until the fix at 10:00 starts it; `--set nodes.api1.restartBackOff.max=30s
// --set nodes.api2.restartBackOff.max=30s --set nodes.api3.restartBackOff.max=30s` (a shorter cap,
// as the kubelet's alpha crashLoopBackOff.maxContainerRestartPeriod of KEP-4603 allows): back
// within 11 s of the fix, rto_s 491.0, for 48 restarts.
import { at, crash, crashLoop, crashLoopEnd, defineScenario } from "failover-sim";

/** A pod of the Deployment: restartPolicy Always (a Deployment's only choice), the kubelet's
 *  back-off (10 s doubling to 5 min, reset after 10 minutes of running). */
const pod = (zone: string) => ({ role: "server", zone, restartPolicy: "always" }) as const;

export default defineScenario({
  name: "kubernetes-self-healing",
  summary:
    "The kubelet restarts crashed containers at once, then with a doubling back-off: a crash loop outlasts its cause by minutes.",
  story:
    "a Deployment of three pods behind a Service (a readiness probe every 5 s). At 0:30 " +
    "api2's container panics and exits. At 2:00 the configuration service every pod reads " +
    "at start goes away, and each container exits 5 s after it starts; the service is back " +
    "at 10:00. The kubelet sees an exit at once: the pod turns NotReady and leaves the " +
    "Service's endpoints without waiting for a probe, and it is restarted — the first time " +
    "at once, then after a back-off of 10 s, doubling up to 5 minutes (CrashLoopBackOff), " +
    "forgiven after 10 minutes of running.",
  lesson:
    "Restarting is the cheapest recovery there is, but the back-off that protects a node " +
    "from a crash loop also delays recovery, by up to its cap, once the cause is gone.",
  questions: [
    {
      q: "Why did no request fail when api2 panicked at 0:30?",
      a:
        "The kubelet saw the exit at once: the pod left the endpoints before any request " +
        "reached it, and the first restart is immediate. A hung process would have waited for " +
        "three failed probes.",
    },
    {
      q: "The configuration service was back at 10:00. Why was the service down until 12:36?",
      a:
        "Each pod was in CrashLoopBackOff, waiting out a back-off that had doubled to its " +
        "5-minute cap; nothing restarts it earlier when the cause goes away.",
    },
    {
      q: "How would you shorten that?",
      a:
        "Do not exit when a dependency is missing — stay up, report not ready and retry — so " +
        "the probe, not the restart back-off, decides; or lower the back-off cap.",
    },
  ],
  keyFigures: ["rtoS", "restarts", "availability"],
  duration: "20m",
  seed: 1,
  nodes: { api1: pod("a"), api2: pod("b"), api3: pod("c") },
  network: { latency: "1ms", jitter: "0.5ms" },
  // The Service in front of the Deployment: a readiness probe every 5 s (timeoutSeconds 1,
  // failureThreshold 3, successThreshold 1); a pod whose container exits leaves the endpoints
  // at once, without waiting for the probe.
  clients: {
    name: "users",
    writes: "300/s",
    zone: "edge",
    routing: { lb: { interval: "5s", timeout: "1s", fall: 3, rise: 1 } },
  },
  faults: [
    // api2's container panics once.
    at("30s", crash("api2")),
    // The configuration service every pod reads at start goes away: each exits 5 s after start.
    at("2m", crashLoop("api1", "5s")),
    at("2m", crashLoop("api2", "5s")),
    at("2m", crashLoop("api3", "5s")),
    // It is back; the pods are still in their back-off.
    at("10m", crashLoopEnd("api1")),
    at("10m", crashLoopEnd("api2")),
    at("10m", crashLoopEnd("api3")),
  ],
  expect: {
    // Back only once the back-offs run out, minutes after the cause was gone.
    rtoS: { min: 600, max: 660 },
    restarts: { min: 18, max: 24 },
    detectionS: 0,
    availability: { max: 0.6 },
  },
});
