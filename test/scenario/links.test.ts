import { describe, expect, it } from "vitest";
import { parseLinkKey, resolveScenario } from "../../sim/scenario/index.ts";
import { baseScenario, file } from "./scenario-helpers.ts";

describe("link keys", () => {
  it("a<->b is both ways, a->b one way; names may contain dashes", () => {
    expect(parseLinkKey("east<->west")).toEqual({ source: "east", target: "west", bothWays: true });
    expect(parseLinkKey("db1->db2")).toEqual({ source: "db1", target: "db2", bothWays: false });
    expect(parseLinkKey("us-east-1->eu-west")).toEqual({
      source: "us-east-1",
      target: "eu-west",
      bothWays: false,
    });
  });

  it.each(["east-west", "east<-west", "<->west", "a->b->c", "a<->b<->c"])(
    "%j is not a link key",
    (key) => {
      expect(parseLinkKey(key)).toBeUndefined();
    },
  );

  it("overrides keep only the fields set, in microseconds, in the order written", () => {
    const scenario = {
      ...baseScenario(),
      network: {
        latency: "2ms",
        jitter: "1ms",
        links: {
          "east<->west": { latency: "40ms" },
          "clients->db1": { loss: 0.5, jitter: "1.5ms" },
        },
      },
    };
    expect(resolveScenario(scenario, { file }).world.network).toEqual({
      defaults: {
        latency: 2_000,
        jitterUs: 1_000,
        lossProbability: 0,
        bandwidthPerS: Infinity,
        reorder: false,
      },
      overrides: [
        { source: "east", target: "west", bothWays: true, spec: { latency: 40_000 } },
        {
          source: "clients",
          target: "db1",
          bothWays: false,
          spec: { jitterUs: 1_500, lossProbability: 0.5 },
        },
      ],
    });
  });
});
