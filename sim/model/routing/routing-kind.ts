// What a routing kind is — how a client group finds where to send — one module holding every
// facet of it (routing/<kind>.ts), the registry (routing/index.ts) the only list:
//   DSL        how a scenario writes it (a word, "proxy", or an object keyed by its name,
//              { dns: { ttl } }) and its defaults, each with its unit and source;
//   resolve    that form made the model's config (names checked, µs);
//   model      the router a client group runs: what a connection sends to and when it changes
//              (a proxy's reroute, a cached DNS answer, a lookup after a failure), or the load
//              balancer in front of a pool;
//   describe   its phrase in `sim explain`, a reroute in its terms, what it costs a run;
//   judge      the servers it health-checks (who watches them, for detection_s);
//   fuzz       how the swarm draws it, and its term of the settle period.
// Every facet is required: a kind that leaves one out does not compile.
import type * as z from "zod";
import type { Rng } from "../../engine/index.ts";
import type { ResolveContext } from "../../dsl/index.ts";
import type { LoadBalancer } from "../load-balancer.ts";
import type { Message, WorldEvent } from "../messages.ts";
import type { TraceEvent } from "../trace.ts";

/** One connection of a client group: where it sends, and from when it can. */
export interface Connection {
  /** "" when it has no address: its cached DNS answer expired and could not be renewed. */
  target: string;
  /** DNS: when the cached answer expires (Infinity: it never looks again). */
  expiresUs: number;
  /** Not usable before this (reconnecting after a change of target). */
  readyAtUs: number;
}

export interface RouterWorld {
  readonly nowUs: number;
  /** Every monitor: the coordination store a lookup goes to. */
  readonly monitors: readonly string[];
  send(source: string, target: string, message: Message): void;
  at(timeUs: number, event: WorldEvent): void;
  emit(event: TraceEvent): void;
  /** The DNS record for the primary as a resolver gets it: as the controller last set it, or null
   *  while the DNS service is unreachable. */
  resolveDns(): string | null;
}

/** The client group as its router sees it. */
export interface RouterHost {
  readonly name: string;
  readonly index: number;
  readonly connections: readonly Connection[];
  /** The group's write timeout (a lookup nobody answers is given up after it). */
  readonly timeoutUs: number;
  /** Load-balancer routing: the users behind the requests, and whether their sessions live in a
   *  server's memory (then the balancer keeps each on one server). */
  readonly users: number;
  readonly memorySessions: boolean;
  /** Points every connection at `target` (each reconnects). */
  retarget(target: string): void;
  retargetConnection(connection: Connection, target: string): void;
  readonly world: RouterWorld;
}

/** What a client group's routing does as the run goes. */
export interface Router {
  /** Before a connection is used: its target now (a cached DNS answer that expired is renewed). */
  refresh(connection: Connection): void;
  /** The controller rerouted to `target` as primary of `epoch`. */
  reroute(target: string, epoch: number): void;
  /** An attempt of a write failed. */
  attemptFailed(): void;
  /** The coordination store answered a lookup, or nobody did in time. */
  lookupReply(primary: string, epoch: number): void;
  lookupTimedOut(): void;
  /** Load-balancer routing: the balancer requests go through; null when they go to the primary. */
  readonly balancer: LoadBalancer | null;
}

/** A router that changes nothing: the base each kind overrides. */
export const fixedRouter: Router = {
  refresh: () => {},
  reroute: () => {},
  attemptFailed: () => {},
  lookupReply: () => {},
  lookupTimedOut: () => {},
  balancer: null,
};

/** Where a client group's routing is resolved. */
export interface RoutingSite {
  readonly context: ResolveContext;
  /** The path of a field of this client group. */
  at(...rest: PropertyKey[]): PropertyKey[];
  readonly nodes: readonly {
    readonly name: string;
    readonly role: string;
    readonly zone: string;
  }[];
}

export interface RoutingKindModule<Name extends string, Config extends { kind: Name }, Form, Spec> {
  /** How a scenario writes it: the word itself, or an object keyed by its name whose value this
   *  schema checks. */
  readonly form:
    | { readonly word: Name }
    | { readonly key: Name; readonly schema: z.ZodType<Form>; readonly label: string };
  /** How messages show it: `"proxy"`, `{ dns: { ttl: "60s" } }`. */
  readonly example: string;
  readonly defaults: Readonly<Record<string, unknown>>;
  /** Where it sends: to the primary (then the scenario needs one), or to a pool of servers. */
  readonly target: "primary" | "pool";
  /** Its config; problems are reported (reportAt) and a usable config returned. */
  resolve(form: Form, site: RoutingSite): Config;
  router(config: Config, host: RouterHost): Router;
  /** The servers it health-checks (they are watched by the group, for detection_s). */
  watches(config: Config): readonly string[];
  /** The events it adds to a run of `durationUs`, for the run's estimate; null for none worth a line. */
  estimate(config: Config, durationUs: number): { label: string; events: number } | null;
  /** Its phrase in `sim explain`: "through a proxy that follows the controller". */
  describe(config: Config): string;
  /** A reroute in its terms: "The proxy of client group app now sends writes to db2." */
  rerouteSentence(client: string, target: string): string;
  /** Why a run of reroutes comes one by one, appended to its sentence ("" when they do not). */
  readonly rerouteWhy: string;
  /** The swarm's draw, as a scenario writes it. */
  draw(rng: Rng, context: { servers: readonly string[] }): Spec;
  /** Its term of the settle period: how long after a failover its clients may still send to the
   *  old primary (µs). */
  settleUs(config: Config): number;
}
