// DNS routing: each connection caches the DNS record for the primary for `ttl` (the controller
// updates the record when it reroutes, as a Route 53 failover record or an RDS endpoint is
// updated) and looks it up again on its first use after the answer expired; a fraction
// `ignoreTtl` of the connections never look it up again (a runtime that caches forever). The
// caches were filled at different times: expiries start spread evenly over one TTL. While the DNS
// service is unreachable (dns.ts), a connection whose answer expired gets none: it has no address,
// sends nothing (its attempts time out) and looks again at each use until the service answers —
// then it connects anew, to whatever the record says.
import * as z from "zod";
import {
  drawDuration,
  drawProbability,
  duration,
  probability,
  spokenDuration,
  strict,
  type Duration,
} from "../../dsl/index.ts";
import { fixedRouter, type Router, type RoutingKindModule } from "./routing-kind.ts";

type DnsConfig = { kind: "dns"; ttlUs: number; ignoreTtl: number };

export interface DnsSpec {
  dns: { ttl: Duration; ignoreTtl?: number };
}

const schema = strict({ ttl: duration(), ignoreTtl: probability.optional() }, "DNS settings");

/** The share of connections that ignore the TTL (cached forever, as a JVM may): none unless said. */
const defaults = { ignoreTtl: 0 } as const;

const sUs = 1_000_000;

const kind: RoutingKindModule<"dns", DnsConfig, z.output<typeof schema>, DnsSpec> = {
  form: { key: "dns", schema, label: "DNS routing" },
  example: `{ dns: { ttl: "60s" } }`,
  defaults,
  target: "primary",
  resolve: (form) => ({
    kind: "dns",
    ttlUs: form.ttl,
    ignoreTtl: form.ignoreTtl ?? defaults.ignoreTtl,
  }),
  router: (config, host): Router => {
    const { connections, world } = host;
    const ignoring = Math.round(config.ignoreTtl * connections.length);
    connections.forEach((connection, i) => {
      connection.expiresUs =
        i < ignoring ? Infinity : Math.round(((i + 1) * config.ttlUs) / connections.length);
    });
    return {
      ...fixedRouter,
      refresh: (connection) => {
        if (world.nowUs < connection.expiresUs) return;
        const record = world.resolveDns();
        if (record === null) {
          connection.target = "";
          return;
        }
        connection.expiresUs = world.nowUs + config.ttlUs;
        if (record !== connection.target) host.retargetConnection(connection, record);
      },
    };
  },
  watches: () => [],
  estimate: () => null,
  describe: (config) => {
    const ignoring =
      config.ignoreTtl > 0
        ? `, ${Math.round(config.ignoreTtl * 100)}% of connections never look again`
        : "";
    return `finding the primary by DNS (TTL ${spokenDuration(config.ttlUs)}${ignoring})`;
  },
  rerouteSentence: (client, target) =>
    `A connection of client group ${client} looks up the DNS name again and now sends writes to ${target}.`,
  rerouteWhy: ", each when its cached DNS answer expires",
  draw: (rng) => ({
    dns: {
      ttl: drawDuration(rng, 1 * sUs, 30 * sUs),
      ignoreTtl: rng.chance(0.8) ? 0 : drawProbability(rng, 0.1, 0.5),
    },
  }),
  settleUs: (config) => config.ttlUs,
};
export default kind;
