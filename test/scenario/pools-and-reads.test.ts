// The DSL of reads, active-active pools behind a load balancer and their sessions: defaults
// (HAProxy's check settings, reads to the primary, sessions in memory), the rules that relate
// them (a pool needs servers, a database client needs a primary, reads go to a database), each
// error naming the file, the field and what was expected, and --set on the new fields.
import { describe, expect, it } from "vitest";
import { applyOverrides, resolveScenario } from "../../sim/scenario/index.ts";
import {
  baseScenario,
  expectFirstProblem,
  expectMessage,
  expectProblems,
  file,
  scenarioErrorOf,
} from "./scenario-helpers.ts";

function poolScenario(): Record<string, any> {
  return {
    name: "pool",
    summary: "A pool of two servers.",
    duration: "1m",
    nodes: { web1: { role: "server", zone: "a" }, web2: { role: "server", zone: "b" } },
    clients: { writes: "100/s", routing: { lb: {} } },
  };
}

const errorOf = (scenario: unknown) => scenarioErrorOf(() => resolveScenario(scenario, { file }));

describe("reads", () => {
  it("default to none, from the primary, skipping a failed node for 10 s (pgjdbc hostRecheckSeconds)", () => {
    const [client] = resolveScenario(baseScenario(), { file }).world.clients;
    expect(client).toMatchObject({
      readsPerSecond: 0,
      readFrom: "primary",
      readRecheckUs: 10_000_000,
      sessions: null,
      breaker: null,
    });
  });

  it("take a rate, a source and a recheck period", () => {
    const scenario: Record<string, any> = baseScenario();
    scenario.clients = { writes: "10/s", reads: "40/s", readFrom: "standbys", readRecheck: "2s" };
    expect(resolveScenario(scenario, { file }).world.clients[0]).toMatchObject({
      readsPerSecond: 40,
      readFrom: "standbys",
      readRecheckUs: 2_000_000,
    });
  });

  it("from standbys need a running standby", () => {
    const scenario: Record<string, any> = baseScenario();
    scenario.nodes.db2.readiness = "cold";
    scenario.clients = { writes: "10/s", reads: "40/s", readFrom: "standbys" };
    expectMessage(
      errorOf(scenario),
      "clients.readFrom",
      `"primary" or "any"`,
      "needs a hot or warm standby",
    );
  });

  it("an unknown source lists the choices", () => {
    const scenario: Record<string, any> = baseScenario();
    scenario.clients = { writes: "10/s", reads: "40/s", readFrom: "replicas" };
    expectMessage(
      errorOf(scenario),
      "clients.readFrom",
      `"primary", "standbys" or "any"`,
      `got "replicas"`,
    );
  });
});

describe("pools of servers behind a load balancer", () => {
  it("need no primary and no monitor; HAProxy's check defaults: inter 2 s, rise 2, fall 3, timeout = inter", () => {
    const world = resolveScenario(poolScenario(), { file }).world;
    expect(world.nodes.map((node) => node.role)).toEqual(["server", "server"]);
    expect(world.clients[0].routing).toEqual({
      kind: "lb",
      servers: ["web1", "web2"],
      intervalUs: 2_000_000,
      timeoutUs: 2_000_000,
      rise: 2,
      fall: 3,
    });
    // Clients sit next to their pool's first server.
    expect(world.clients[0].zone).toBe("a");
  });

  it("take their own settings and a subset of the servers", () => {
    const scenario = poolScenario();
    scenario.clients.routing = {
      lb: { interval: "5s", timeout: "1s", rise: 1, fall: 2, servers: ["web2"] },
    };
    expect(resolveScenario(scenario, { file }).world.clients[0].routing).toEqual({
      kind: "lb",
      servers: ["web2"],
      intervalUs: 5_000_000,
      timeoutUs: 1_000_000,
      rise: 1,
      fall: 2,
    });
  });

  it("sessions default to the servers' memory", () => {
    const scenario = poolScenario();
    scenario.clients.sessions = { users: 50 };
    expect(resolveScenario(scenario, { file }).world.clients[0].sessions).toEqual({
      users: 50,
      store: "memory",
    });
  });

  it("a check timeout longer than the interval is refused", () => {
    const scenario = poolScenario();
    scenario.clients.routing = { lb: { interval: "2s", timeout: "3s" } };
    expectMessage(
      errorOf(scenario),
      "clients.routing.lb.timeout",
      "at most the check interval (2s)",
    );
  });

  it("a pool member must be a server", () => {
    const scenario = poolScenario();
    scenario.clients.routing = { lb: { servers: ["web1", "db9"] } };
    expectMessage(
      errorOf(scenario),
      "clients.routing.lb.servers[1]",
      `a node with role "server": web1, web2`,
      `got "db9"`,
    );
  });

  it("a load balancer without servers is refused", () => {
    const scenario: Record<string, any> = baseScenario();
    scenario.clients = { writes: "10/s", routing: { lb: {} } };
    expectMessage(errorOf(scenario), "clients.routing.lb", `nodes with role "server"`);
  });

  it("proxy routing in a scenario of servers alone is refused", () => {
    const scenario = poolScenario();
    scenario.clients = [
      { name: "web", writes: "10/s", routing: { lb: {} } },
      { name: "app", writes: "10/s" },
    ];
    expectMessage(errorOf(scenario), "clients[1].routing", "routing { lb: {} }", "no primary");
  });

  it("reads through a load balancer are refused", () => {
    const scenario = poolScenario();
    scenario.clients.reads = "10/s";
    expectMessage(errorOf(scenario), "clients.reads", "no reads with load-balancer routing");
  });

  it("sessions without a load balancer are refused", () => {
    const scenario: Record<string, any> = baseScenario();
    scenario.clients = { writes: "10/s", sessions: { users: 10 } };
    expectMessage(
      errorOf(scenario),
      "clients.sessions",
      "no sessions without load-balancer routing",
    );
  });

  it("servers beside a database: the database still needs its primary and monitor", () => {
    const scenario: Record<string, any> = poolScenario();
    scenario.nodes.db2 = { role: "standby" };
    const error = errorOf(scenario);
    expectFirstProblem(error, "nodes", `exactly one node with role "primary"`);
    expectProblems(error, ["nodes", "nodes"]);
    expect(error.message).toContain(`at least one node with role "monitor"`);
  });

  it("chaos may crash servers", () => {
    const scenario = poolScenario();
    scenario.duration = "30d";
    scenario.chaos = { crash: { mtbf: "5d", mttr: "1h" } };
    const crashed = new Set(
      resolveScenario(scenario, { file }).world.faults.map(
        (fault) => (fault.fault as { node?: string }).node,
      ),
    );
    expect([...crashed].sort()).toEqual(["web1", "web2"]);
  });

  it("--set reaches the balancer and the sessions", () => {
    const scenario = poolScenario();
    scenario.clients.sessions = { users: 50 };
    const overridden = applyOverrides(
      scenario,
      ["clients.routing.lb.fall=5", "clients.sessions.store=external"],
      file,
    );
    const [client] = resolveScenario(overridden, { file }).world.clients;
    expect(client.routing).toMatchObject({ kind: "lb", fall: 5 });
    expect(client.sessions).toEqual({ users: 50, store: "external" });
  });
});
