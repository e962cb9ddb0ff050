// Load-balancer routing: a load balancer beside the clients in front of an active-active pool of
// servers, with HAProxy's health-check semantics (load-balancer.ts): every `interval` it checks
// each server; a server leaves rotation after `fall` failed checks in a row and comes back after
// `rise` good ones; requests go only to servers in rotation. The pool: the named servers, or
// every node with role "server".
import * as z from "zod";
import {
  countAtLeastOne,
  drawDuration,
  drawInt,
  duration,
  durationText,
  formatDuration,
  name,
  parseDuration,
  reportAt,
  strict,
  type Duration,
} from "../../dsl/index.ts";
import { LoadBalancer, type LoadBalancerConfig } from "../load-balancer.ts";
import { fixedRouter, type RoutingKindModule } from "./routing-kind.ts";

type LbConfig = { kind: "lb" } & LoadBalancerConfig;

export interface LoadBalancerSpec {
  /** Time between two health checks of each server. Default "2s" (HAProxy inter). */
  interval?: Duration;
  /** A check unanswered this long has failed; at most `interval`. Default: the interval (HAProxy without "timeout check"). */
  timeout?: Duration;
  /** Consecutive good checks that put a server back in rotation. Default 2 (HAProxy rise). */
  rise?: number;
  /** Consecutive failed checks that take a server out of rotation. Default 3 (HAProxy fall). */
  fall?: number;
  /** The pool: names of nodes with role "server". Default: every server of the scenario. */
  servers?: string[];
}

const schema = strict(
  {
    interval: duration({ positive: true }).optional(),
    timeout: duration({ positive: true }).optional(),
    rise: countAtLeastOne.optional(),
    fall: countAtLeastOne.optional(),
    servers: z
      .array(name, { error: `a list of server names, like ["web1", "web2"]` })
      .min(1, { error: "at least one server" })
      .optional(),
  },
  "load-balancer settings",
);

/** HAProxy's documented defaults for a server's checks — inter 2000 ms, rise 2, fall 3 (HAProxy
 *  configuration manual, section 5.2 "Server and default-server options"); without "timeout
 *  check", a check may take up to inter (section 4, "timeout check"), so the check timeout
 *  defaults to the interval. */
const defaults = { interval: "2s", rise: 2, fall: 3 } as const;

const msUs = 1000;

const kind: RoutingKindModule<"lb", LbConfig, z.output<typeof schema>, { lb: LoadBalancerSpec }> = {
  form: { key: "lb", schema, label: "load-balancer routing" },
  example: `{ lb: { interval: "2s", rise: 2, fall: 3 } }`,
  defaults,
  target: "pool",
  resolve: (lb, { nodes, at, context }) => {
    const all = nodes.filter((node) => node.role === "server").map((node) => node.name);
    if (all.length === 0)
      reportAt(
        context,
        at("routing", "lb"),
        `nodes with role "server" to balance over (the scenario declares none)`,
        "no server",
      );
    (lb.servers ?? []).forEach((server, index) => {
      if (!all.includes(server))
        reportAt(
          context,
          at("routing", "lb", "servers", index),
          `a node with role "server": ${all.join(", ")}`,
        );
    });
    const intervalUs = lb.interval ?? parseDuration(defaults.interval);
    const timeoutUs = lb.timeout ?? intervalUs;
    if (timeoutUs > intervalUs) {
      reportAt(
        context,
        at("routing", "lb", "timeout"),
        `a check timeout of at most the check interval (${formatDuration(intervalUs)}), so one round of checks is open at a time`,
      );
    }
    return {
      kind: "lb",
      servers: lb.servers ?? all,
      intervalUs,
      timeoutUs,
      rise: lb.rise ?? defaults.rise,
      fall: lb.fall ?? defaults.fall,
    };
  },
  router: (config, host) => ({
    ...fixedRouter,
    balancer: new LoadBalancer(config, host, host.users, host.memorySessions, host.world),
  }),
  watches: (config) => config.servers,
  estimate: (config, durationUs) => ({
    label: `load-balancer checks every ${formatDuration(config.intervalUs)}`,
    events: (3 * config.servers.length * durationUs) / config.intervalUs,
  }),
  describe: () => "through a load balancer that health-checks every server",
  rerouteSentence: (client, target) =>
    `The proxy of client group ${client} now sends writes to ${target}.`,
  rerouteWhy: "",
  draw: (rng, { servers }) => {
    const intervalUs = Math.round(rng.uniform(0.5, 3) * 1000) * msUs;
    return {
      lb: {
        servers: [...servers],
        interval: durationText(intervalUs),
        timeout: drawDuration(rng, 100 * msUs, intervalUs),
        rise: drawInt(rng, 1, 3),
        fall: drawInt(rng, 1, 4),
      },
    };
  },
  settleUs: () => 0,
};
export default kind;
