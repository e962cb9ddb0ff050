// Active-active pools: the load balancer's health checks (HAProxy's rise/fall), where a failed
// server's share goes, whether the survivors hold it, sticky sessions, and that failover
// machinery leaves pool servers alone.
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { LoadBalancer, type BalancerWorld } from "../../sim/model/load-balancer.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import type { Message, WorldEvent } from "../../sim/model/messages.ts";
import {
  at,
  crash,
  defineScenario,
  restart,
  type NodeSpec,
  type Rate,
  type Scenario,
} from "../../sim/scenario/index.ts";

/** A balancer over web1, web2 on a hand-driven world that records what it sends and emits. */
function balancer(options: { rise?: number; fall?: number; sticky?: boolean } = {}) {
  const sent: { target: string; message: Message }[] = [];
  const emitted: TraceEvent[] = [];
  const world: BalancerWorld & { nowUs: number } = {
    nowUs: 0,
    send: (_source, target, message) => sent.push({ target, message }),
    at: (_timeUs: number, _event: WorldEvent) => {},
    emit: (event) => emitted.push(event),
  };
  const config = {
    servers: ["web1", "web2"],
    intervalUs: 2_000_000,
    timeoutUs: 2_000_000,
    rise: options.rise ?? 2,
    fall: options.fall ?? 3,
  };
  const lb = new LoadBalancer(
    config,
    { name: "clients", index: 9 },
    4,
    options.sticky ?? false,
    world,
  );
  /** One round at `tS`: web1 answers if `web1Up`, web2 always. */
  const round = (tS: number, web1Up: boolean) => {
    world.nowUs = tS * 1e6;
    lb.tick();
    const seq = (sent.at(-1)!.message as { seq: number }).seq;
    if (web1Up) lb.reply("web1", seq);
    lb.reply("web2", seq);
    world.nowUs = (tS + 2) * 1e6;
    lb.deadline(seq);
  };
  return { lb, round, emitted };
}

describe("load balancer health checks (HAProxy semantics)", () => {
  it("takes a server out after `fall` failed checks in a row, back after `rise` good ones", () => {
    const { lb, round, emitted } = balancer({ rise: 2, fall: 3 });
    round(0, true);
    round(2, false);
    round(4, false);
    expect(emitted).toEqual([]); // two failures: still in
    round(6, true); // a good check resets the count
    round(8, false);
    round(10, false);
    round(12, false);
    expect(emitted).toEqual([
      { kind: "lb_down", tUs: 14_000_000, client: "clients", node: "web1" },
    ]);
    expect([lb.target(-1), lb.target(-1), lb.target(-1)]).toEqual(["web2", "web2", "web2"]);
    round(14, true);
    expect(emitted).toHaveLength(1); // one good check is not enough
    round(16, true);
    expect(emitted.at(-1)).toEqual({
      kind: "lb_up",
      tUs: 18_000_000,
      client: "clients",
      node: "web1",
    });
  });

  it("spreads anonymous requests round-robin over the servers in rotation, refuses when none is", () => {
    const { lb, round } = balancer({ fall: 1 });
    expect([lb.target(-1), lb.target(-1), lb.target(-1), lb.target(-1)]).toEqual([
      "web1",
      "web2",
      "web1",
      "web2",
    ]);
    round(0, false);
    expect(lb.target(-1)).toBe("web2");
  });

  it("keeps a sticky user on their server while it is in rotation, and moves them when it is not", () => {
    const { lb, round } = balancer({ fall: 1, sticky: true });
    expect([lb.target(0), lb.target(1), lb.target(0), lb.target(1)]).toEqual([
      "web1",
      "web2",
      "web1",
      "web2",
    ]);
    round(0, false);
    expect(lb.target(0)).toBe("web2");
    round(2, true);
    round(4, true);
    expect(lb.target(0)).toBe("web2"); // web1 is back, but user 0 now lives on web2
  });
});

const servers = (capacity: Rate | "unlimited"): Record<string, NodeSpec> => ({
  web1: { role: "server", zone: "a", capacity },
  web2: { role: "server", zone: "b", capacity },
  web3: { role: "server", zone: "c", capacity },
});

function pool(capacity: Rate, store: "memory" | "external" = "memory"): Scenario {
  return defineScenario({
    name: "pool",
    summary: "pool",
    duration: "3m",
    nodes: servers(capacity),
    clients: { writes: "200/s", routing: { lb: {} }, sessions: { users: 300, store } },
    faults: [at("1m", crash("web1"))],
  });
}

function run(scenario: Scenario) {
  const served = new Map<string, number>();
  const result = runScenario(scenario, {
    file: "pool.ts",
    onTrace: (event) =>
      event.kind === "request_served" &&
      event.tUs > 90e6 &&
      served.set(event.node, (served.get(event.node) ?? 0) + 1),
  });
  return { ...result, served };
}

describe("a pool of three servers loses one", () => {
  it("with capacity for the load on two, the survivors hold: only the requests sent to web1 before it is out fail", () => {
    // 200/s on 120/s servers: 67 % each with three, 83 % with two.
    const { metrics, events, served } = run(pool("120/s"));
    // web1's third of the traffic during the 6 s the balancer needs: ≈ 400 requests.
    expect(metrics.writes_failed).toBeGreaterThan(300);
    expect(metrics.writes_failed).toBeLessThan(500);
    expect(
      events
        .filter((event) => event.kind === "lb_down")
        .map((event) => (event as { node: string }).node),
    ).toEqual(["web1"]);
    // From 90 s on, web2 and web3 each carry half: ≈ 100/s × 90 s.
    expect(served.get("web1") ?? 0).toBe(0);
    for (const node of ["web2", "web3"]) expect(served.get(node)).toBeGreaterThan(8000);
  });

  it("with capacity for the load on three only, the survivors drown in turn: a cascade", () => {
    // 200/s on 80/s servers: 83 % each with three, 125 % with two — queues grow, health checks
    // wait behind the requests, the balancer takes the survivors out too.
    const { metrics, events } = run(pool("80/s"));
    const down = new Set(
      events
        .filter((event) => event.kind === "lb_down")
        .map((event) => (event as { node: string }).node),
    );
    expect([...down].sort()).toEqual(["web1", "web2", "web3"]);
    expect(metrics.availability!).toBeLessThan(0.8);
    expect(metrics.writes_failed).toBeGreaterThan(10 * 400);
  });

  it("with memory sessions, web1's sticky users are logged out; with an external store, nobody", () => {
    // 300 users round-robin over three servers at login: web1 holds 100.
    expect(run(pool("120/s", "memory")).metrics.sessions_lost).toBe(100);
    expect(run(pool("120/s", "external")).metrics.sessions_lost).toBe(0);
  });

  it("a restarted server gets no sticky users back; with an external store it takes its share again", () => {
    const restarted = (store: "memory" | "external") =>
      run({
        ...pool("120/s", store),
        faults: [at("30s", crash("web1")), at("60s", restart("web1"))],
      }).served.get("web1") ?? 0;
    expect(restarted("memory")).toBe(0);
    expect(restarted("external")).toBeGreaterThan(5000); // ≈ 200/s ÷ 3 over 90 s
  });
});

describe("pool servers beside a database", () => {
  it("are never probed, suspected or promoted by the monitors", () => {
    const result = runScenario(
      defineScenario({
        name: "mixed",
        summary: "a database and a pool",
        duration: "1m",
        nodes: {
          db1: { role: "primary" },
          db2: { role: "standby" },
          mon: { role: "monitor" },
          ...servers("unlimited"),
        },
        detector: { kind: "timeout", interval: "1s", timeout: "3s" },
        clients: [
          { name: "db-clients", writes: "50/s" },
          { name: "web-clients", writes: "50/s", routing: { lb: {} } },
        ],
        faults: [at("10s", crash("web1"))],
      }),
      { file: "mixed.ts" },
    );
    expect(result.metrics.failovers).toBe(0);
    expect(result.events.some((event) => event.kind === "suspect")).toBe(false);
    expect(
      result.timeline.some(
        (row) =>
          row.node.startsWith("web") && (row.kind === "role" || row.kind.startsWith("verdict:")),
      ),
    ).toBe(false);
    expect(
      result.timeline
        .filter((row) => row.kind === "lb:web-clients" && row.state === "out")
        .map((row) => row.node),
    ).toEqual(["web1"]);
    const [database, web] = result.groups;
    expect(database.writes.failed).toBe(0);
    expect(web.writes.failed).toBeGreaterThan(0);
  });
});
