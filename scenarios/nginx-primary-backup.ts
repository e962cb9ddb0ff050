// A Docker nginx with a primary and a backup upstream: the failover behind a health monitor.
//
// The system: nginx proxies every request to `server web1` and, only while web1 is marked
// unavailable, to `server web2 backup`. Its checks are passive: a request to web1 that fails
// counts as a failure, and with the defaults max_fails=1 and fail_timeout=10s one failure marks
// web1 unavailable for 10 s, after which nginx tries it again with a live request
// (https://nginx.org/en/docs/http/ngx_http_upstream_module.html#server). When web1 answers again
// the traffic goes back to it.
//
// How it is modelled: nginx is the monitor and the clients' proxy, in zone edge; the live
// requests' checks are a probe each second that fails without a reply within 1 s, and one
// failure suspects web1 (consecutive detector, failures 1); promoteIn 0 (moving traffic is
// immediate); failback immediate. Approximations: a failed connection is taken to take 1 s (a
// refused or unroutable one fails sooner; a silent host can hold it up to proxy_connect_timeout,
// 60 s by default); the clients do not retry — nginx by default passes a request that fails on to
// the next server (proxy_next_upstream error timeout), which would hide most of the failures
// below; the model probes a down server every second where nginx waits out fail_timeout; and it
// hands traffic back as it would a database role (web2 stops, web1 catches up, then takes over),
// which costs a second a stateless backend would not. "Writes" here are requests: there is no
// data to replicate or lose.
//
// What to watch (seed 1): detection_s 1.0; 88 requests failed around the crash (about a second of
// traffic) and 90 were rejected during the hand back — writes_failed 178, downtime_s 2.0 (1.9–2.1
// over seeds 1–20); failovers 2, failbacks 1 (counted as a flap too: the role went back within
// minutes); lost_writes 0. rto_s (62.0) runs to the end of the hand back.
//
// Try: `--set failover.failback=hold-down --set failover.holdDown=10s` (wait fail_timeout before
// the traffic goes back: 2:12), `--set failover.failback=never` (web2 keeps the traffic:
// downtime_s 1.0), and `--set detector.interval=3s --set detector.probeTimeout=3s` (slower
// failure detection: downtime_s 6.0).
import { at, crash, defineScenario, restart } from "failover-sim";

export default defineScenario({
  name: "nginx-primary-backup",
  summary:
    "nginx primary + backup upstream: requests fail until web1 is marked down; traffic returns with it.",
  story:
    "At 1:00 the web1 container dies (`docker stop web1`). Requests sent to it in the next " +
    "second get no answer; the check sent at 1:00 fails at 1:01, web1 is marked down and web2 " +
    "takes the traffic. At 2:00 web1 is started again, answers its first check at once, and " +
    "the traffic goes back to it at 2:02.",
  lesson:
    "Passive health checks learn that a server is dead from requests that failed, and " +
    "automatic failback is harmless for a stateless backend but dangerous for anything with " +
    "state.",
  questions: [
    {
      q: "With max_fails=1, how many requests fail when the primary dies?",
      a:
        "Those sent before the first failure is noticed — about one connection timeout of " +
        "traffic, 88 here — unless proxy_next_upstream retries them on the backup.",
    },
    {
      q: "What does fail_timeout do?",
      a:
        "Two things: the window in which max_fails failures must happen, and how long the server " +
        "then stays marked unavailable before nginx tries it again.",
    },
    {
      q: "Why is automatic failback fine here but risky for a database primary?",
      a:
        "The web servers hold no data; a database coming back must catch up first, and moving the " +
        "writable role back and forth risks errors and lost writes each time.",
    },
  ],
  keyFigures: ["downtimeS", "writesFailed", "detectionS"],
  duration: "4m",
  seed: 1,
  nodes: {
    web1: { role: "primary", zone: "a", promoteIn: "0s" },
    web2: { role: "standby", zone: "b", promoteIn: "0s" }, // `server web2 backup;`
    nginx: { role: "monitor", zone: "edge" },
  },
  // One Docker host: containers on a bridge network.
  network: { latency: "0.5ms", jitter: "0.25ms" },
  // Stateless web servers: nothing waits to be copied, not even for a ship window.
  replication: { lag: "0ms", shipWindow: "0ms" },
  // max_fails=1: one failed request (here, one unanswered check) marks web1 unavailable.
  detector: { kind: "consecutive", interval: "1s", probeTimeout: "1s", failures: 1, successes: 1 },
  failover: { quorum: 1, fencing: "none", failback: "immediate" },
  clients: { writes: "100/s", zone: "edge", routing: "proxy", timeout: "1s" },
  faults: [at("1m", crash("web1")), at("2m", restart("web1"))],
  expect: {
    failovers: 2,
    failbacks: 1,
    falseFailovers: 0,
    splitBrainS: 0,
    lostWrites: 0,
    detectionS: { max: 2 },
    downtimeS: { min: 0.5, max: 4 },
  },
});
