// The fault registry (sim/model/faults/index.ts) is whole: every kind's builders are public, every
// episode the fuzzer can draw is named as it draws, makes scenario entries of registered kinds
// that its kind resolves and prints back as the builders it names, and every kind's own facets
// agree with its key. A kind that leaves a facet out does not compile; these check what types
// cannot.
import { describe, expect, it } from "vitest";
import { Rng } from "../../sim/engine/index.ts";
import * as api from "../../sim/index.ts";
import {
  episodeKinds,
  episodeShapeOf,
  faultKindOf,
  faultKinds,
  faults,
  type DrawSpace,
  type FaultSpec,
} from "../../sim/model/index.ts";
import { at, resolveScenario } from "../../sim/scenario/index.ts";

const space: DrawSpace = {
  nodes: ["db1", "db2", "mon"],
  dataNodes: ["db1", "db2"],
  clients: ["app"],
  zones: ["a", "b"],
};

const scenario = (fault: FaultSpec) => ({
  name: "registry",
  summary: "One drawn fault.",
  duration: "10m",
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    mon: { role: "monitor", zone: "b" },
  },
  clients: { name: "app", writes: "1/s", zone: "a" },
  faults: [at("1m", fault)],
});

describe("the fault registry", () => {
  it("lists every kind once, in a fixed order", () => {
    expect(faultKinds).toEqual(Object.keys(faults));
    expect(new Set(faultKinds).size).toBe(faultKinds.length);
  });

  it.each(faultKinds)("%s: its builders are public functions", (kind) => {
    const module = faults[kind];
    expect(module.builders.length).toBeGreaterThan(0);
    for (const builder of module.builders) {
      const name = builder.replace(/\(\)$/, "") as keyof typeof api;
      expect(typeof api[name], `${builder} exported by sim/index.ts`).toBe("function");
    }
  });

  it.each(episodeKinds)(
    "episode %s: drawn under its own name, scheduled as registered kinds, resolved and printed",
    (name) => {
      const shape = episodeShapeOf(name);
      expect(shape.offered(space)).toBe(true);
      const episode = shape.draw(new Rng(7, `episode:${name}`), space);
      expect(episode.kind).toBe(name);
      const { start, repair } = shape.entries(episode, 5_000_000);
      expect(repair === null).toBe(!shape.repairable);
      for (const spec of [start, ...(repair ? [repair] : [])] as FaultSpec[]) {
        expect(faultKinds).toContain(spec.kind);
        const world = resolveScenario(scenario(spec), { file: "registry.ts" }).world;
        expect(world.faults.map((scheduled) => scheduled.fault.kind)).toEqual([spec.kind]);
        const builder = /^\w+/.exec(faultKindOf(spec.kind).source(spec))?.[0];
        expect(faults[spec.kind].builders).toContain(`${builder}()`);
        for (const named of shape.names(episode))
          expect([...space.nodes, ...space.clients, ...space.zones]).toContain(named);
      }
    },
  );
});
