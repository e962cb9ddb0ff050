// A partial stand-in: a cheap backup that serves only the core operations.
//
// What to watch (seed 1): both groups fail from 10:00; at 20:10 the stand-in is primary and card
// payments flow again, while every request of app is refused at once (25,213 refused until
// 50:00). partial_service_s 2391.0 (the stand-in is primary from 20:10 to 1:00:01); per group
// (groups.csv): payments availability 0.862, app 0.330 (min_group_availability); overall 0.490.
// standby_cost 1.01: the standby in the other zone (1) plus the stand-in (0.01). The 3 writes
// acknowledged in the last 200 ms before the outage never reached the stand-in (async
// replication): lost_writes 3. Over seeds 1–20 payments stays at 0.861–0.870, app at 0.329–0.334.
//
// Try: `--set 'nodes.standin.serves=["payments","app"]' --set nodes.standin.costPerHour=1 --set
// nodes.standin.capacity=unlimited` (a full replica on the other cloud): app is at 0.863 too, for a
// standby_cost of 2; `--set 'nodes.standin.serves=[]'` (a stand-in that serves nothing): card
// payments are down for the whole 50 minutes as well (0.331).
import { at, defineScenario, zoneOutage, zoneRestore } from "failover-sim";

export default defineScenario({
  name: "partial-standin",
  summary:
    "The primary platform fails; a stand-in at 1 % of its cost keeps card payments running while everything else waits.",
  story:
    "a bank's platform runs in one cloud (core1 with a hot standby in another of its " +
    "availability zones). Like Monzo's Stand-in, a separate, small deployment on another " +
    "cloud keeps a copy of the data and, when switched on, serves only the most important " +
    "operations — card payments, transfers, balances (the payments client group) — while " +
    "the rest of the app (the app group) is unavailable; its cost is put at about 1 % of " +
    "the primary platform (here costPerHour 0.01). At 10:00 the whole primary cloud region " +
    "goes dark; the on-call engineer is paged and switches to the stand-in 10 minutes " +
    "later. The region comes back at 50:00, and the operator moves service back 10 minutes " +
    "after that.",
  lesson:
    "Serving only what customers cannot do without buys most of the availability that " +
    "matters at a fraction of the cost of a full second platform, and only per-operation " +
    "availability shows it.",
  questions: [
    {
      q: "The stand-in was primary for 40 minutes. Why is overall availability only 0.49?",
      a:
        "It refused everything but payments; seven requests in ten were app requests, which " +
        "failed from 10:00 until the failback at 1:00:03.",
    },
    {
      q: "Why is payments' availability the same as with a full replica?",
      a:
        "Payments waited for the same thing in both cases — the operator's switch at 20:10; " +
        "what a full replica adds is the rest of the app, at a hundred times the standby cost.",
    },
    {
      q: "Why page a human instead of switching automatically?",
      a:
        "Degrading service is a business decision, and a false switch to the stand-in costs " +
        "every non-core operation; an automatic switch would need a detector you trust not to " +
        "fire on a blip (blip.ts).",
    },
  ],
  keyFigures: ["partialServiceS", "minGroupAvailability", "standbyCost"],
  duration: "75m",
  seed: 1,
  nodes: {
    // The primary platform, in two availability zones of one cloud provider.
    core1: { role: "primary", zone: "aws" },
    core2: { role: "standby", zone: "aws" },
    // The stand-in on another provider: its own small deployment, a hundredth of the cost,
    // serving only the core operations (the payments client group).
    standin: {
      role: "standby",
      zone: "gcp",
      serves: ["payments"],
      costPerHour: 0.01,
      capacity: "10/s",
    },
    "mon-aws": { role: "monitor", zone: "aws" },
    "mon-gcp": { role: "monitor", zone: "gcp" },
    // A third voter outside both providers, so the monitors on gcp keep a majority.
    tiebreak: { role: "witness", zone: "third" },
  },
  network: {
    latency: "1ms",
    jitter: "0.5ms",
    links: { "aws<->gcp": { latency: "15ms", jitter: "2ms" } },
  },
  replication: { mode: "async", lag: "200ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "10s" },
  // Switching to the stand-in, and back, is a decision: an operator acts 10 minutes after the
  // page (our assumption: diagnosis and the call to degrade service).
  failover: { automatic: false, operator: { delay: "10m" }, failback: "manual" },
  clients: [
    // Card payments, transfers, balances: what the stand-in serves.
    { name: "payments", writes: "6/s", zone: "internet" },
    // Everything else the app does.
    { name: "app", writes: "14/s", zone: "internet" },
  ],
  faults: [at("10m", zoneOutage("aws")), at("50m", zoneRestore("aws"))],
  expect: {
    // The stand-in is primary from the operator's switch (≈ 20 min) to the failback (≈ 60 min).
    partialServiceS: { min: 2000, max: 2500 },
    // Card payments are down only until the switch; the rest of the app until the failback.
    minGroupAvailability: { max: 0.4 },
    availability: { min: 0.45, max: 0.55 },
    standbyCost: 1.01,
    splitBrainS: 0,
  },
});
