// An active-active pool, worked out by hand: web1, web2, web3 (unlimited capacity) behind the
// clients' load balancer, which checks each every 2 s (t = 0, 2, 4 …) with a 2 s deadline, out
// of rotation after 3 failed checks, back after 2 good ones. Every message takes exactly 1 ms.
// 30 users send 100 requests a second in all, evenly spaced (request n at n × 10 ms, from user
// n mod 30), each with a 1 s timeout, for 60 s: 6,000 requests.
//
// Sticky sessions (store "memory"): user u's first request (at u × 10 ms) logs in on the next
// server round-robin, so user u lives on web(u mod 3 + 1): web1 holds users 0, 3, … 27 — ten
// users, whose requests are those with n mod 3 = 0.
//
// web1 crashes at 10 s (before that instant's check round: faults come first). The rounds sent at
// 10, 12 and 14 s go unanswered; at the deadline of the third, 16 s, web1 is out of rotation.
//   detection_s = 16 − 10 = 6;
//   failed: requests to web1 issued in [10, 16): n = 1002, 1005 … 1599 → 200 (timeouts);
//   (the request at exactly 16 s comes after the deadline event, scheduled earlier, so it is moved);
//   downtime_s = 200 × 10 ms = 2; availability = 5,800 / 6,000;
//   rto_s: the last down period of the incident is the request at 15.99 s, closed by the
//   acknowledged one at 16.00 s → 16 − 10 = 6;
//   sessions_lost: web1's ten users are moved to web2 and web3, which have no session for them,
//   each at their first request after 16 s → 10. With an external store nobody is sticky and no
//   session is kept on a server: 0 — but the same 200 requests fail (every third request still
//   goes to web1, round-robin, until it is out).
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { at, crash, defineScenario } from "../../sim/scenario/index.ts";

const pool = (store: "memory" | "external") =>
  defineScenario({
    name: "pool",
    summary: "hand-computed pool",
    duration: "60s",
    nodes: {
      web1: { role: "server", zone: "a" },
      web2: { role: "server", zone: "b" },
      web3: { role: "server", zone: "c" },
    },
    network: { latency: "1ms", jitter: "0ms" },
    clients: {
      writes: "100/s",
      arrivals: "uniform",
      timeout: "1s",
      routing: { lb: { interval: "2s", rise: 2, fall: 3 } },
      sessions: { users: 30, store },
    },
    faults: [at("10s", crash("web1"))],
  });

describe("hand-computed active-active pool: web1 crashes at 10 s", () => {
  const memory = runScenario(pool("memory"), { file: "pool.ts" });
  const m = memory.metrics;

  it("fails the requests sent to web1 until the load balancer takes it out", () => {
    expect([m.writes_attempted, m.writes_acked, m.writes_failed]).toEqual([6000, 5800, 200]);
    expect(m.availability).toBeCloseTo(5800 / 6000, 12);
    expect(m.downtime_s).toBe(2);
    expect(m.detection_s).toBe(6);
    expect(m.rto_s).toBe(6);
    expect(memory.events.find((event) => event.kind === "lb_down")).toMatchObject({
      tUs: 16_000_000,
      node: "web1",
      client: "clients",
    });
  });

  it("logs out web1's sticky users, and nobody else", () => {
    expect(m.sessions_lost).toBe(10);
  });

  it("fails over nothing: no promotion, no lost or divergent write", () => {
    expect([
      m.failovers,
      m.false_failovers,
      m.lost_writes,
      m.divergent_writes,
      m.split_brain_s,
    ]).toEqual([0, 0, 0, 0, 0]);
  });

  it("loses no session with an external store, and fails the same requests", () => {
    const external = runScenario(pool("external"), { file: "pool.ts" }).metrics;
    expect(external.sessions_lost).toBe(0);
    expect(external.writes_failed).toBe(200);
  });
});
