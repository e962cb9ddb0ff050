// The registry of routing kinds: one module per kind (routing-kind.ts says what a module holds),
// and this map the only list of them — the scenario's `routing` forms, the client group's router,
// the swarm's draws, the matrix and the settle period all come from it. A new kind is one file
// plus its entry here (the import and its line in the map). The order is the order of choices and
// of the forms in messages.
import discovery from "./discovery.ts";
import dns from "./dns.ts";
import lb from "./lb.ts";
import proxy from "./proxy.ts";
import type { RoutingKindModule } from "./routing-kind.ts";

export const routings = { proxy, dns, discovery, lb } as const;

type Kinds = typeof routings;
export type RoutingKind = keyof Kinds;

// Each module is registered under the kind its config carries.
routings satisfies { [K in RoutingKind]: RoutingKindModule<K, { kind: K }, unknown, unknown> };

type Facets<M> =
  M extends RoutingKindModule<string, infer Config, infer Form, infer Spec>
    ? { config: Config; form: Form; spec: Spec }
    : never;
type Each<Facet extends keyof Facets<Kinds[RoutingKind]>> = {
  [K in RoutingKind]: Facets<Kinds[K]>[Facet];
}[RoutingKind];

/** How a client group finds where to send, resolved. */
export type Routing = Each<"config">;
/** How a scenario writes a group's routing: a word or an object keyed by the kind. */
export type RoutingSpec = Each<"spec">;

type FormOf<M> =
  M extends RoutingKindModule<string, { kind: string }, infer Form, unknown> ? Form : never;
/** A group's routing as the schema reads it: a kind's word, or an object keyed by the kind
 *  holding its parsed settings (durations in µs). */
export type ParsedRouting = {
  [K in RoutingKind]: Kinds[K]["form"] extends { word: K } ? K : { [Key in K]: FormOf<Kinds[K]> };
}[RoutingKind];

/** Every routing kind, in registry order. */
export const routingKinds = Object.keys(routings) as [RoutingKind, ...RoutingKind[]];

/** The module of a kind, typed for any routing (the one cast from a kind to its module). */
export function routingKindOf(
  kind: RoutingKind,
): RoutingKindModule<RoutingKind, Routing, unknown, RoutingSpec> {
  return routings[kind] as unknown as RoutingKindModule<RoutingKind, Routing, unknown, RoutingSpec>;
}

/** The kind a scenario's routing names: the word itself, or the key of its object. */
export function routingKindIn(form: unknown): RoutingKind {
  const name = typeof form === "string" ? form : Object.keys(form as object)[0];
  if (!(name in routings))
    throw new Error(`routing ${JSON.stringify(form)} passed the schema but names no routing kind`);
  return name as RoutingKind;
}

export type { Connection, Router, RouterHost, RouterWorld, RoutingSite } from "./routing-kind.ts";
