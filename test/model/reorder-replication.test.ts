// Synchronous replication over links that reorder (network.reorder): a standby's position
// reports can arrive out of order, and an older one must not take back what a newer one
// acknowledged — else the last write of a quiet stretch waits for the next periodic report and
// its client times out. The configuration the swarm fuzzer shrank this to (seed 1001, run 1230
// of `npm run validate`): two standbys, both waited for, every link reordering.
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { at, defineScenario, readOnly, writable } from "../../sim/scenario/index.ts";

const scenario = defineScenario({
  name: "reordered-acks",
  summary: "Sync replication to two standbys over reordering links.",
  nodes: {
    db1: { role: "primary" },
    db2: { role: "standby" },
    db3: { role: "standby" },
    mon1: { role: "monitor" },
  },
  network: { latency: "14ms", jitter: "4ms", reorder: true },
  detector: { kind: "consecutive", interval: "1.34s" },
  replication: { mode: "sync", waitFor: 2 },
  clients: [
    { name: "app1", writes: "46/s", zone: "b", arrivals: "uniform", timeout: "1.804s" },
    {
      name: "app2",
      writes: "52/s",
      zone: "b",
      routing: { dns: { ttl: "18.066s" } },
      arrivals: "uniform",
    },
  ],
  duration: "149s",
  seed: 707744286,
  faults: [at("10s", readOnly("db2")), at("10.1s", writable("db2"))],
});

describe("acknowledgements over links that reorder", () => {
  it("a late, older report takes nothing back: every write is acknowledged", () => {
    const { metrics } = runScenario(scenario, { file: "reordered-acks.ts" });
    expect(metrics.writes_failed).toBe(0);
    expect(metrics.writes_acked).toBe(metrics.writes_attempted);
  });
});
