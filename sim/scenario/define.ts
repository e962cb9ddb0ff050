// The scenario DSL as users write it: plain data with durations and rates as strings
// ("250ms", "200/s"). These types give editor completion and JSDoc; `defineScenario` is an
// identity function. Nothing is validated here — resolve.ts does that, with errors naming the
// file and the field. Defaults quoted in the JSDoc live in defaults.ts.
import type { ArrivalsChoice, DetectorKind, Failback, Fencing, ReadFromChoice, Readiness, ReplicationModeChoice, Role, Routing, SessionStoreChoice } from "./choices.ts";
import type { Duration, Rate } from "../dsl/index.ts";
import type { ChaosSpec } from "./chaos.ts";
import type { ScheduledFaultSpec } from "./faults.ts";
import type { MetricName } from "./metric-names.ts";
import type { PresetName } from "./presets/index.ts";

/** A node: a database (primary or standby), a monitor that watches them, or a server of an
 *  active-active pool. */
export interface NodeSpec {
  /** Exactly one "primary"; any number of "standby"; at least one "monitor" (detection runs on
   *  monitors); any number of "witness" (a monitor that votes but never acts as controller).
   *  "server": a stateless server of an active-active pool, reached through a client group's
   *  load balancer (`routing: { lb: {} }`); never replicated, watched or promoted. A scenario
   *  of servers alone needs no primary and no monitor. */
  role: Role;
  /** Placement; zones can be named in partitions and link overrides. Default "default". */
  zone?: string;
  /** How ready a standby is to take over: "hot" (running, streaming, applying), "warm" (running,
   *  streaming, applying in batches behind), "cold" (off; boots and restores from backup on
   *  failover). Only on standbys. Default "hot". The defaults of the fields below depend on it. */
  readiness?: Readiness;
  /** Time from a promote command (after any catch-up) to accepting writes. Default "1s". */
  promoteIn?: Duration;
  /** Running cost per hour in the scenario's own unit (feeds standby_cost). Default hot 1, warm 0.5, cold 0.1. */
  costPerHour?: number;
  /** Log entries the standby applies (replays) per second, or "unlimited". Default hot "unlimited", warm and cold "5000/s". */
  applyRate?: Rate | "unlimited";
  /** Apply in batches this often ("0s": continuously). Default warm "1m", otherwise "0s". */
  applyEvery?: Duration;
  /** After a promotion, serve only `warmUpCapacity` of writes for this long. Default hot "0s", warm "30s", cold "2m". */
  warmUp?: Duration;
  /** Fraction (0–1) of writes served during the warm-up. Default hot 1, warm and cold 0.5. */
  warmUpCapacity?: number;
  /** Cold only: time to start the machine and the database. Default "2m". */
  bootIn?: Duration;
  /** Cold only: time to restore the last base backup. Default "3m". */
  restoreIn?: Duration;
  /** Cold only: how often the primary takes a base backup (first at t = 0). Default "24h". */
  backupEvery?: Duration;
  /** Requests (writes and reads) per second the node can handle, or "unlimited". Requests and
   *  health checks queue in one line, so an overloaded node answers health checks late and looks
   *  dead. Default "unlimited". */
  capacity?: Rate | "unlimited";
  /** Queued work beyond which the node refuses writes outright. Default "5s". */
  queueLimit?: Duration;
  /** Cold only: how often the primary archives its log ("0s": never; restore from the backup alone). Default "1m". */
  archiveEvery?: Duration;
}

/** Delay and loss of messages on a link. */
export interface LinkSettings {
  /** One-way delay. Default "1ms". */
  latency?: Duration;
  /** Each message's delay is latency ± uniform jitter; must not exceed latency. Default "0.5ms". */
  jitter?: Duration;
  /** Probability (0 to 1) that a message is dropped. Default 0. */
  loss?: number;
  /** Log entries per second the link carries, or "unlimited"; replication beyond it queues up. Default "unlimited". */
  bandwidth?: Rate | "unlimited";
}

/** A link key: `"a<->b"` (both directions) or `"a->b"` (one way); a and b are nodes, client groups or zones. */
export type LinkKey = `${string}<->${string}` | `${string}->${string}`;

export interface NetworkSpec extends LinkSettings {
  /** Overrides for some links, e.g. `{ "east<->west": { latency: "40ms" }, "db1->db2": { loss: 0.1 } }`. */
  links?: Record<LinkKey, LinkSettings>;
}

export interface ReplicationSpec {
  /** "async": the primary acknowledges before standbys have the write; "sync": after `waitFor`
   *  standbys have it; "semi-sync": the same, but after `semiSyncTimeout` without enough
   *  acknowledgements it falls back to async until standbys catch up (MySQL); "quorum": sync with
   *  `waitFor` defaulting to a majority of the cluster. Default "async". */
  mode?: ReplicationModeChoice;
  /** Replication lag: time from a commit on the primary to the entry being shipped to standbys.
   *  Under "async", writes not yet shipped when the primary fails are lost. Default "10ms". */
  lag?: Duration;
  /** Apply (replay) delay at a standby: received entries are applied this much later; a
   *  promotion waits for the apply to finish. Default "50ms". */
  applyDelay?: Duration;
  /** How often a standby reports its position to its upstream. Default "1s". */
  statusInterval?: Duration;
  /** Standby acknowledgements a commit waits for (sync, semi-sync, quorum). Default 1; quorum: a majority. */
  waitFor?: number;
  /** semi-sync: how long a commit waits before falling back to async. Default "10s" (MySQL). */
  semiSyncTimeout?: Duration;
}

export interface DetectorSpec {
  /** "timeout": suspect after `timeout` of silence; "consecutive": after `failures` probes in a
   *  row got no reply within `probeTimeout`; "phi": φ-accrual (Akka), suspect when φ ≥ `threshold`;
   *  "lease": suspect when the node's lease (failover.lease) expires. Default "timeout".
   *  Fields of other kinds are ignored. */
  kind?: DetectorKind;
  /** Probe period from each monitor to each database node. Default timeout, phi, lease "1s"; consecutive "10s". */
  interval?: Duration;
  /** timeout: silence after which a monitor suspects a node. Default "30s" (Redis Sentinel down-after-milliseconds). */
  timeout?: Duration;
  /** consecutive: a probe without reply this long has failed. Default "1s" (Kubernetes timeoutSeconds). */
  probeTimeout?: Duration;
  /** consecutive: failed probes in a row to suspect. Default 3 (Kubernetes failureThreshold). */
  failures?: number;
  /** consecutive: answered probes in a row to trust again. Default 1 (Kubernetes successThreshold). */
  successes?: number;
  /** phi: suspicion level. Default 8 (Akka). */
  threshold?: number;
  /** phi: lower bound of the inter-arrival standard deviation. Default "100ms" (Akka). */
  minStdDev?: Duration;
  /** phi: pause tolerated on top of the mean interval. Default "3s" (Akka acceptable-heartbeat-pause). */
  acceptablePause?: Duration;
  /** phi: inter-arrival samples kept. Default 1000 (Akka max-sample-size). */
  maxSamples?: number;
}

export interface FailoverSpec {
  /** false: no automatic failover — detectors run and report; an `operator`, if given, fails
   *  over by hand after a delay. Default true. */
  automatic?: boolean;
  /** Monitors (and witnesses) that must suspect the primary before a failover. Default 1. */
  quorum?: number;
  /** How a deposed primary is kept from taking writes: "none", "stonith" (powered off before the
   *  standby is promoted), "epoch" (storage refuses a stale epoch), "lease" (a primary that cannot
   *  renew its lease demotes itself), "min-replicas" (refuses writes without enough recent
   *  replicas, Redis-style). Default "none". */
  fencing?: Fencing;
  /** Whether the original primary takes its role back once healthy and caught up: "never",
   *  "immediate", "hold-down" (after `holdDown` of health), "manual" (the operator). Default "never". */
  failback?: Failback;
  /** hold-down failback: health required first. Default "5m". */
  holdDown?: Duration;
  /** After an automatic failover, no other automatic one for this long (Orchestrator's
   *  RecoveryPeriodBlockSeconds). Default "0s". */
  blockFor?: Duration;
  /** May a standby in another zone be promoted? Default true. */
  crossZone?: boolean;
  /** The lease for lease detection and lease fencing. Default Patroni's: ttl "30s", renewEvery "10s", retryTimeout "10s". */
  lease?: { ttl?: Duration; renewEvery?: Duration; retryTimeout?: Duration };
  /** STONITH fencing device. Default: delay "0s", duration "5s", timeout "60s", failureProbability 0,
   *  maxAttempts 10 failed attempts on a target before the controller stops retrying at once, and
   *  recheckInterval "15m" before it tries again (Pacemaker's stonith-max-attempts and
   *  cluster-recheck-interval). */
  stonith?: { delay?: Duration; duration?: Duration; timeout?: Duration; failureProbability?: number; maxAttempts?: number; recheckInterval?: Duration };
  /** min-replicas fencing: replicas that must have reported within `minReplicasMaxLag`. Default 1 and "10s" (Redis). */
  minReplicas?: number;
  minReplicasMaxLag?: Duration;
  /** The operator for manual failover and manual failback: a delay ("10m" or a uniform range
   *  "5m..15m") and a chance that an attempt fails and must be repeated. Default: no operator. */
  operator?: { delay?: Duration | `${Duration}..${Duration}`; errorProbability?: number };
  /** A role change that undoes another within this window counts as a flap. Default "6m" (Redis Sentinel 2 × failover-timeout). */
  flapWindow?: Duration;
  /** Never promote a standby whose newest entry is older than the primary's newest known entry
   *  by more than this; the cluster stays down instead (Patroni's maximum_lag_on_failover). Default "unlimited". */
  maxLagOnFailover?: Duration | "unlimited";
}

/** What a policy says about standbys: applied to every standby that does not set it itself
 *  (`promoteIn` also to the primary, which is promoted again on a failback). */
export interface PolicyStandbySpec {
  /** Time from a promote command (after any catch-up) to accepting writes. */
  promoteIn?: Duration;
  /** "hot", "warm" or "cold". */
  readiness?: Readiness;
}

/**
 * A whole failover policy: detector, replication, failover rules and standby settings, usually
 * made by a preset (`policy: presets.patroni()`, see presets/index.ts). At resolution it fills
 * the scenario: defaults < policy < the scenario's own `detector`, `replication` and `failover`
 * fields. A scenario `detector` of another kind than the policy's replaces the policy's detector.
 */
export interface PolicySpec {
  /** The preset this policy was made by; a label, it fills nothing by itself. */
  preset?: PresetName;
  detector?: DetectorSpec;
  replication?: ReplicationSpec;
  failover?: FailoverSpec;
  standby?: PolicyStandbySpec;
}

/** What a preset function accepts: any part of a policy, merged over the preset's values. */
export type PolicyOverrides = Omit<PolicySpec, "preset">;

/** Load-balancer routing in front of a pool of servers, with HAProxy's health-check semantics. */
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

/** A group of clients writing to the primary through a router (or to a pool of servers through a load balancer). */
export interface ClientSpec {
  /** Group name, also its network endpoint. Default "clients" ("clients-1", "clients-2", … in an array). */
  name?: string;
  /** Mean write rate, e.g. "200/s"; "0/s" sends nothing. With load-balancer routing, the pool's requests. */
  writes: Rate;
  /** Mean read rate, e.g. "800/s", spread over the connections like writes; one attempt each,
   *  with `timeout`. Not with load-balancer routing. Default "0/s". */
  reads?: Rate;
  /** Where reads go: "primary" (where the connection's writes go), "standbys" (the running
   *  standbys in turn — the other running database nodes, once a failover has moved the
   *  primary), "any" (every running database node in turn). Default "primary". */
  readFrom?: ReadFromChoice;
  /** Reads from "standbys" or "any": a node that refused a read or let it time out is skipped
   *  for this long (with none left, the primary serves). Default "10s" (pgjdbc hostRecheckSeconds). */
  readRecheck?: Duration;
  /** Zone of the clients (and of their proxy). Default: the primary's zone. */
  zone?: string;
  /** How clients find the primary: "proxy" (a proxy beside them follows the controller),
   *  { dns: { ttl: "60s", ignoreTtl: 0.1 } } (each connection caches the DNS record for the TTL;
   *  a fraction never looks again), "discovery" (ask the coordination store after a failed
   *  write), or { lb: { interval, rise, fall } } (a load balancer in front of the pool of
   *  servers, checking their health). Default "proxy". */
  routing?: Routing | { dns: { ttl: Duration; ignoreTtl?: number } } | { lb: LoadBalancerSpec };
  /** Load-balancer routing: requests come from `users` in turn. store "memory": sessions live in
   *  each server's memory, users stick to their server and must log in again when it restarts
   *  or the balancer moves them (sessions_lost); "external": a shared session store, requests
   *  go to any server. Default store "memory". */
  sessions?: { users: number; store?: SessionStoreChoice };
  /** A write attempt without an acknowledgement after this long has failed. Default "1s". */
  timeout?: Duration;
  /** "poisson": exponential gaps; "uniform": evenly spaced writes. Default "poisson". */
  arrivals?: ArrivalsChoice;
  /** Connections (clients) the writes are spread over, in turn; each has its own DNS cache. Default 1. */
  connections?: number;
  /** Retries of a failed attempt, after `backoff`, then twice that, … Default 0. */
  retries?: number;
  /** First retry delay. Default "100ms". */
  backoff?: Duration;
  /** Time to reconnect when a connection's primary changes. Default "0s". */
  reconnectIn?: Duration;
}

/** Bounds on one metric: a number means exactly that value; `min`/`max` are inclusive. With
 *  `sim check --seeds N`, every seed must meet them — or, with `quantile` (0 < q ≤ 1, e.g. 0.95),
 *  the nearest-rank q-quantile of the metric over the seeds must. */
export type ExpectBound = number | { min?: number; max?: number; quantile?: number };

/** A named check of a run: `true` passes; `false` fails; a string fails with that message.
 *  `Result` is what `runScenario` returns (the package entry binds it; `never` here, where the
 *  run's result is not known). A check that throws fails with the error's message. */
export type ExpectCheck<Result = never> = (result: Result) => boolean | string;

/** Bounds keyed by camelCase metric name (`lostWrites`, `splitBrainS`, …), plus `checks` by a
 *  name of your own: `{ lostWrites: 0, checks: { "db2 ends primary": (result) => … } }`. */
export type ExpectSpec<Result = never> = { [name in MetricName]?: ExpectBound } & {
  checks?: Record<string, ExpectCheck<Result>>;
};

export interface Scenario<Result = never> {
  /** Identifier used for the output folder; the name rule: letters, digits, "-" and "_", starting with a letter. */
  name: string;
  /** One line saying what the scenario shows (printed by `sim list`). */
  summary: string;
  /** Simulated run length, e.g. "10m"; more than 0 and at most "400d". */
  duration: Duration;
  /** Seed of every random stream; `--seed` overrides it. Default 1. */
  seed?: number;
  /** Every node by name (names start with a letter; letters, digits, "-", "_"). */
  nodes: Record<string, NodeSpec>;
  /** Default link settings plus per-link or per-zone overrides. */
  network?: NetworkSpec;
  /** A whole policy, e.g. `presets.patroni()` or `presets.redisSentinel({ failover: { quorum: 1 } })`;
   *  the fields below override it. */
  policy?: PolicySpec;
  replication?: ReplicationSpec;
  detector?: DetectorSpec;
  failover?: FailoverSpec;
  /** One client group or several. Default: no clients (no writes). */
  clients?: ClientSpec | ClientSpec[];
  /** Scheduled faults, e.g. `[at("2m", partition(["east"], ["west"])), at("3m", heal())]`. */
  faults?: ScheduledFaultSpec[];
  /** Random faults drawn from the seed: `chaos({ crash: { mtbf: "720h", mttr: "2h" }, blip: { every: "1h", for: "2s..20s" } })`. */
  chaos?: ChaosSpec;
  /** What a run must show, checked by `sim run` and `sim check`: metric bounds and named checks,
   *  e.g. `{ lostWrites: 0, failovers: { min: 1 }, checks: { "db2 ends primary": (result) => … } }`. */
  expect?: ExpectSpec<Result>;
}

/** Declares a scenario. Identity at run time; it exists for types and editor completion. */
export function defineScenario<Result = never>(scenario: Scenario<Result>): Scenario<Result> {
  return scenario;
}
