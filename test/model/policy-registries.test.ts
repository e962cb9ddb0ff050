// The fencing, failback and routing registries (sim/model/fencing, failback, routing) are whole:
// every kind's swarm draw is a scenario the scenario layer accepts and resolves to that very kind,
// and every kind says what it is in words — so the registry, not a list elsewhere, decides what a
// scenario may choose and what the swarm and the matrix run.
import { describe, expect, it } from "vitest";
import { Rng } from "../../sim/engine/index.ts";
import {
  failbackKindOf,
  failbackNames,
  fencingKindOf,
  fencingNames,
  routingKindOf,
  routingKinds,
} from "../../sim/model/index.ts";
import { resolveScenario } from "../../sim/scenario/index.ts";

const database = {
  db1: { role: "primary", zone: "a" },
  db2: { role: "standby", zone: "b" },
  db3: { role: "standby", zone: "c" },
  mon: { role: "monitor", zone: "c" },
};
const pool = { s1: { role: "server", zone: "a" }, s2: { role: "server", zone: "b" } };

const resolve = (fields: object) =>
  resolveScenario(
    { name: "registries", summary: "One drawn kind.", duration: "10m", nodes: database, ...fields },
    { file: "registries.ts" },
  ).world;

describe("fencing kinds", () => {
  it.each(fencingNames)("%s: its draws resolve to itself, and it says what it does", (name) => {
    for (let i = 0; i < 10; i++) {
      const failover = fencingKindOf(name).draw(new Rng(i, `fencing:${name}`), {
        streamingStandbys: 2,
      });
      expect(resolve({ failover }).failover.fencing).toBe(name);
    }
    expect(fencingKindOf(name).describe()).toMatch(/fencing/);
  });
});

describe("failback policies", () => {
  it.each(failbackNames)("%s: its draws resolve to itself, and it says what it does", (name) => {
    for (let i = 0; i < 10; i++) {
      const failover = failbackKindOf(name).draw(new Rng(i, `failback:${name}`));
      expect(resolve({ failover }).failover.failback).toBe(name);
    }
    expect(failbackKindOf(name).describe()).toMatch(/failback/);
  });
});

describe("routing kinds", () => {
  it.each(routingKinds)("%s: its draws resolve to itself, and it says what it does", (kind) => {
    const module = routingKindOf(kind);
    const toPool = module.target === "pool";
    for (let i = 0; i < 10; i++) {
      const routing = module.draw(new Rng(i, `routing:${kind}`), {
        servers: toPool ? ["s1", "s2"] : [],
      });
      const world = resolve({
        nodes: toPool ? pool : database,
        clients: { writes: "10/s", routing },
      });
      expect(world.clients[0].routing.kind).toBe(kind);
      expect(module.watches(world.clients[0].routing)).toEqual(toPool ? ["s1", "s2"] : []);
      expect(module.describe(world.clients[0].routing)).not.toBe("");
    }
    expect(module.rerouteSentence("app", "db2")).toContain("db2");
  });
});
