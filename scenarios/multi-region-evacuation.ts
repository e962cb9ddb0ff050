// A region evacuation: the surviving regions must scale out before they can take the load.
//
// What to watch (seed 1): in the servers chart, us-west and eu-west flat at 100 requests/s each
// from 5:06 to 13:00 while the rest is refused; at 8:00 (measurements of 6:00, 7:00 and 8:00) each
// launches 4 instances, in service at 13:00 (capacity 140/s), and one more at 12:00. This is the
// scale-up delay: 3 minutes to decide plus 5 to launch — rto_s 479.6 (479.5–480.0 over seeds
// 1–20); 12,301 requests failed (availability 0.955, downtime_s 54.1): the 386 in flight to
// us-east, then ≈ 25/s refused for 8 minutes.
//
// Try: `--set nodes.api-west.capacity=150/s --set nodes.api-eu.capacity=150/s` (spare capacity
// kept warm in every region — later practice): only the 6 s before the edge stops sending to
// us-east hurt, 457 requests, rto_s 6.0; `--set nodes.api-west.autoscale.launchIn=1m --set
// nodes.api-eu.autoscale.launchIn=1m` (instances ready in a minute): rto_s 239.9;
// `--set nodes.api-west.autoscale.periods=1 --set nodes.api-eu.autoscale.periods=1` (scale out on
// the first high measurement): rto_s 359.6.
import { at, defineScenario, zoneOutage } from "failover-sim";

/** A region's fleet: 10 instances of 10 requests/s each, scaled out by target tracking at 80 %. */
const fleet = (zone: string) =>
  ({
    role: "server",
    zone,
    capacity: "100/s",
    // An overloaded fleet refuses what it cannot start within half a second instead of queueing
    // it (load shedding), so it still answers the edge's health checks in time.
    queueLimit: "500ms",
    autoscale: {
      instance: "10/s",
      targetUtilization: 0.8,
      period: "1m",
      periods: 3,
      launchIn: "5m",
    },
  }) as const;

export default defineScenario({
  name: "multi-region-evacuation",
  summary:
    "A region fails and its traffic moves to the other two, which must scale out first: 8 minutes of refused requests.",
  story:
    "a service runs active-active in three regions, as Netflix does; the edge (DNS and edge " +
    "proxies, here one load balancer) spreads 225 requests/s over them, 75/s each. Each " +
    "region's fleet is 10 instances of 10 requests/s, scaled out by target tracking at 80 % " +
    "— an efficient fleet, sized for its own share. At 5:00 us-east goes dark. The edge " +
    "stops sending there after three failed checks (5:06) and the survivors get 112.5/s " +
    "each — 12.5 % more than they can serve. Their autoscalers measure demand each minute " +
    "and scale out after three measurements in a row above the target; new instances serve " +
    "5 minutes after launch.",
  lesson:
    "Evacuating a region moves its load, not its capacity: the survivors need headroom or a " +
    "scale-out that takes minutes, so decide how much spare capacity you keep by how long " +
    "you can afford to refuse requests.",
  questions: [
    {
      q: "Why did the survivors not simply absorb the extra load?",
      a:
        "Each ran at 75 % of its capacity; half of a third region's traffic on top is 112.5 %, " +
        "and until new instances serve, what does not fit is refused.",
    },
    {
      q: "Where do the 8 minutes come from?",
      a:
        "Target tracking needs three one-minute measurements above the target before it acts " +
        "(so a blip does not scale the fleet), then instances take 5 minutes to boot and warm " +
        "up.",
    },
    {
      q: "How would you shorten an evacuation?",
      a:
        "Keep spare capacity in every region (or pre-scale the survivors before moving " +
        "traffic), shift traffic in steps while they scale, and make instances start faster.",
    },
  ],
  keyFigures: ["rtoS", "availability", "writesFailed"],
  duration: "20m",
  seed: 1,
  nodes: {
    "api-east": fleet("us-east"),
    "api-west": fleet("us-west"),
    "api-eu": fleet("eu-west"),
  },
  network: {
    latency: "1ms",
    jitter: "0.5ms",
    links: {
      "edge<->us-east": { latency: "15ms", jitter: "3ms" },
      "edge<->us-west": { latency: "35ms", jitter: "5ms" },
      "edge<->eu-west": { latency: "45ms", jitter: "5ms" },
    },
  },
  // The edge (DNS and the edge proxies) as one load balancer over the three regions: it checks
  // each region every 2 s and stops sending to one after 3 failed checks.
  clients: {
    name: "users",
    writes: "225/s",
    zone: "edge",
    routing: { lb: { interval: "2s", timeout: "2s", fall: 3, rise: 2 } },
  },
  faults: [at("5m", zoneOutage("us-east"))],
  expect: {
    // Recovery waits for the new instances: 3 measurements a minute apart, then 5 minutes.
    rtoS: { min: 420, max: 540 },
    availability: { min: 0.93, max: 0.98 },
    failovers: 0,
  },
});
