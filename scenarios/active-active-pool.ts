// Active-active: a pool of servers behind a load balancer, and the sessions in their memory.
//
// What to watch (seed 1): no failover, nothing promoted or lost. writes_failed 401 — web1's
// third of the requests during the 6 s the balancer needs (detection_s 6.0, 377–416 over seeds
// 1–20); sessions_lost 100, web1's users. In the timeline, web1 down from 2:00 and out of
// rotation from 2:06 to 5:04; in the servers chart, web1's band gone from 2:00 to the end while
// web2 and web3 go from ~67 to ~100 requests/s each.
//
// Try: `--set clients.sessions.store=external` (sessions in a shared store such as Redis):
// sessions_lost 0, the same 401 failed requests, and web1 takes its third again after the
// restart. And servers of 80/s, enough for the load on three but not on two
// (`--set nodes.web1.capacity=80/s --set nodes.web2.capacity=80/s --set nodes.web3.capacity=80/s`):
// web2 and web3 drown, answer their health checks late, are taken out of rotation, recover
// without traffic, come back and drown again — availability 0.39, sessions_lost 700 — and the
// cascade goes on after web1 returns, because every move piles a server's users onto the others.
import { at, crash, defineScenario, restart } from "failover-sim";

export default defineScenario({
  name: "active-active-pool",
  summary:
    "Three servers behind a health-checking load balancer: one crashes, its share moves, its users' sessions are lost.",
  story:
    "Three stateless web servers, web1–web3, in three zones, all serving at once behind a " +
    "load balancer that checks each of them every 2 s (HAProxy's defaults: out of rotation " +
    "after 3 failed checks, back after 2 good ones). 300 users send 200 requests a second in " +
    "all; each server can handle 120 a second, so any two of them can carry the load. Users " +
    "stick to one server, because their login session lives in that server's memory. At 2 " +
    "minutes web1 crashes. For 6 s the balancer still sends it a third of the requests, which " +
    "fail; then it takes web1 out of rotation and moves its 100 users to web2 and web3 — " +
    "which have no session for them: they are logged out. The survivors carry 100 requests a " +
    "second each, within their capacity. At 5 minutes web1 comes back and returns to rotation " +
    "4 s later, but gets no traffic: every user sticks to web2 or web3.",
  lesson:
    "Active-active failover is the load balancer's health check: no election and no data to " +
    "lose, but it costs its detection time in failed requests, it needs N+1 capacity, and " +
    "state kept on a server (sessions, caches) dies with it unless it lives in a shared " +
    "store.",
  questions: [
    {
      q: "How long do requests fail when a server behind HAProxy dies, with default checks?",
      a:
        "Until it fails `fall` checks in a row: 3 × 2 s = 6 s, plus up to one interval depending " +
        "on when it died; about 1/N of the requests fail meanwhile. Retrying on another server " +
        "(`option redispatch`, `retries`) hides most of it.",
    },
    {
      q: "Three servers each at 60 % CPU; one fails. What happens?",
      a:
        "The other two get 90 % each if load spreads evenly — fine; at 70 % each they would need " +
        "105 %: they saturate, answer health checks late and are taken out too — a cascade. Plan " +
        "for N+1: per-server load ≤ (N − 1)/N of capacity.",
    },
    {
      q: "Why are users logged out when a server fails, and how do you avoid it?",
      a:
        "Their sessions were in that server's memory and sticky routing kept them there; moved " +
        "elsewhere, they have none. Keep sessions in a shared store (Redis, a database) or in a " +
        "signed cookie, so any server can serve any user.",
    },
  ],
  keyFigures: ["writesFailed", "sessionsLost", "detectionS"],
  duration: "8m",
  seed: 1,
  nodes: {
    web1: { role: "server", zone: "a", capacity: "120/s" },
    web2: { role: "server", zone: "b", capacity: "120/s" },
    web3: { role: "server", zone: "c", capacity: "120/s" },
  },
  network: { latency: "1ms", jitter: "0.5ms" },
  clients: {
    writes: "200/s",
    zone: "a",
    routing: { lb: { interval: "2s", rise: 2, fall: 3 } },
    sessions: { users: 300, store: "memory" },
  },
  faults: [at("2m", crash("web1")), at("5m", restart("web1"))],
  expect: {
    failovers: 0,
    sessionsLost: 100,
    writesFailed: { min: 300, max: 500 },
    detectionS: { min: 4, max: 8 },
  },
});
