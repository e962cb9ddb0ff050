// A client group as the model sees it: its load, its timeouts and retries, its routing (one of
// the routing kinds, routing/index.ts), its reads and its sessions — every duration in whole
// microseconds, every default filled in by the scenario layer.
import type { Routing } from "./routing/index.ts";

export type { Routing };

export type Arrivals = "poisson" | "uniform";

/** Where reads go: the primary as the connection knows it, the running standbys in turn, or
 *  every running database node (primary included) in turn. */
export type ReadFrom = "primary" | "standbys" | "any";

/** Users of a pool behind a load balancer. "memory": each server keeps its users' sessions in
 *  its own memory, so the balancer keeps each user on one server (sticky) and a user who must
 *  move — or whose server restarted — logs in again; "external": sessions live in a shared
 *  store, requests go to any server in turn and no session is ever lost. */
export interface SessionsConfig {
  users: number;
  store: SessionStore;
}

export type SessionStore = "memory" | "external";

/** An opossum-style circuit breaker around every call of the group (circuit-breaker.ts); the
 *  call's timeout is the group's `timeoutUs` (opossum's `timeout`). */
export interface BreakerConfig {
  /** Opens when failures exceed this percentage of the window's fires (0–100). */
  errorThresholdPercentage: number;
  /** Open → half-open after this long (opossum's `resetTimeout`, the scenario's name for it). */
  halfOpenAfterUs: number;
  /** The rolling window's length, and the buckets it is cut into. */
  rollingCountTimeoutUs: number;
  rollingCountBuckets: number;
  /** Fires the window must hold before the breaker may open. */
  volumeThreshold: number;
  /** A failed call is answered by a fallback (a degraded answer) instead of an error. */
  fallback: boolean;
}

export interface ClientConfig {
  /** Client group name; also its network endpoint (the proxy router sits beside it). */
  name: string;
  zone: string;
  writesPerSecond: number;
  arrivals: Arrivals;
  /** A write attempt without an acknowledgement after this long has failed. */
  timeoutUs: number;
  /** How the group finds where to send (routing/<kind>.ts). */
  routing: Routing;
  /** Connections (independent clients) the group's writes are spread over, in turn. */
  connections: number;
  /** A failed attempt is retried this many times, after backoffUs, 2·backoffUs, 4·backoffUs … */
  retries: number;
  backoffUs: number;
  /** When a connection's target changes, it takes this long to connect before sending again. */
  reconnectUs: number;
  /** Reads per second (0: none), spread over the connections in turn like writes; each read has
   *  one attempt, with the group's timeout. */
  readsPerSecond: number;
  readFrom: ReadFrom;
  /** Reads from standbys: a node that failed a read is left out of the choice for this long, as
   *  a multi-host driver remembers a host's status (then the primary serves when none is left). */
  readRecheckUs: number;
  /** Load-balancer routing only: the users behind the requests (null: anonymous requests). */
  sessions: SessionsConfig | null;
  /** A circuit breaker around the group's calls (null: none). */
  breaker: BreakerConfig | null;
}
