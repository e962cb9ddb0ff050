// The scenario DSL as users write it: plain data with durations and rates as strings
// ("250ms", "200/s"). These types give editor completion and JSDoc; `defineScenario` is an
// identity function. Nothing is validated here — resolve.ts does that, with errors naming the
// file and the field. Defaults quoted in the JSDoc live in defaults.ts, or in the module of the
// kind they belong to (model/<registry>/<kind>.ts).
import type { LatencyText, RoutingSpec } from "../model/index.ts";
import type {
  ArrivalsChoice,
  ReadFromChoice,
  Readiness,
  RestartPolicyChoice,
  Role,
  SessionStoreChoice,
} from "./choices.ts";
import type { Duration, Rate } from "../dsl/index.ts";
import type { ChaosSpec } from "./chaos.ts";
import type { ScheduledFaultSpec } from "./schedule.ts";
import type { MetricName } from "./metric-names.ts";
import type { DetectorSpec, FailoverSpec, PolicySpecOf, ReplicationSpec } from "./policy-spec.ts";
import type { PresetName } from "./presets/index.ts";
import type { TeachingSpec } from "./teaching.ts";

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
  /** What happens when its process exits (a `crash`, or a `crashLoop`'s): "never" — it stays
   *  down until restarted; "always" — Kubernetes' restartPolicy Always: started again at once,
   *  then after a back-off that doubles (CrashLoopBackOff), and a pool server leaves its load
   *  balancers' rotation the moment it exits. Default "never". */
  restartPolicy?: RestartPolicyChoice;
  /** The restart back-off: the first wait, its cap, and how long a process must run before it
   *  is forgiven. Default { initial: "10s", max: "5m", resetAfter: "10m" } (Kubernetes). */
  restartBackOff?: { initial?: Duration; max?: Duration; resetAfter?: Duration };
  /** A partial stand-in (a primary or standby): the client groups it serves when it is primary;
   *  the others' writes and reads are refused. Default: every group. */
  serves?: string[];
  /** A pool server standing for a fleet of instances that scales out (with a `capacity`: the
   *  instances it starts with × `instance`): every `period` the requests reaching it are
   *  measured; after `periods` measurements in a row above `targetUtilization` of its capacity
   *  it launches enough instances to bring the last demand to the target (at most
   *  `maxInstances`), each in service `launchIn` later. Never scales in. Defaults 0.6, "1m", 3,
   *  "5m", 100 (our assumptions). */
  autoscale?: {
    instance: Rate;
    targetUtilization?: number;
    period?: Duration;
    periods?: number;
    launchIn?: Duration;
    maxInstances?: number;
  };
}

/** Delay and loss of messages on a link. */
export interface LinkSettings {
  /** One-way delay: a duration, or a distribution each message's delay is drawn from —
   *  `exponential("2ms")`, `lognormal("2ms", 0.5)`, `pareto("1ms", 2.5)`,
   *  `mixture([0.99, "1ms"], [0.01, pareto("5ms", 1.5)])`. Default "1ms". */
  latency?: LatencyText;
  /** A fixed latency's spread: each message's delay is latency ± uniform jitter; must not exceed
   *  latency; not beside a distribution. Default "0.5ms" (0 when the latency is a distribution). */
  jitter?: Duration;
  /** Probability (0 to 1) that a message is dropped. Default 0. */
  loss?: number;
  /** Log entries per second the link carries, or "unlimited"; replication beyond it queues up. Default "unlimited". */
  bandwidth?: Rate | "unlimited";
  /** true: each message arrives when its own delay says, overtaking earlier ones; false: in
   *  order, as TCP delivers (a late message holds up those behind it). Default false. */
  reorder?: boolean;
}

/** A link key: `"a<->b"` (both directions) or `"a->b"` (one way); a and b are nodes, client groups or zones. */
export type LinkKey = `${string}<->${string}` | `${string}->${string}`;

export interface NetworkSpec extends LinkSettings {
  /** Overrides for some links, e.g. `{ "east<->west": { latency: "40ms" }, "db1->db2": { loss: 0.1 } }`. */
  links?: Record<LinkKey, LinkSettings>;
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
  routing?: RoutingSpec;
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
  /** An opossum-style circuit breaker around the group's writes (`{}` for opossum's defaults):
   *  it opens when failures exceed `errorThresholdPercentage` of the calls in a rolling window
   *  of `rollingCountTimeout` (in `rollingCountBuckets`, once it holds `volumeThreshold`
   *  calls); while open, calls fail at once; after `resetTimeout` one trial call decides
   *  between closing and opening again. With `fallback`, failed calls get a degraded answer
   *  instead of an error (writes_fallback). The calls' timeout is `timeout`. Defaults 50,
   *  "30s", "10s", 10, 0, false (opossum). */
  breaker?: {
    errorThresholdPercentage?: number;
    resetTimeout?: Duration;
    rollingCountTimeout?: Duration;
    rollingCountBuckets?: number;
    volumeThreshold?: number;
    fallback?: boolean;
  };
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

/** A whole failover policy, usually made by a preset (`policy: presets.patroni()`). */
export type PolicySpec = PolicySpecOf<PresetName>;

/** Teaching fields (story, lesson, questions, keyFigures): see TeachingSpec in teaching.ts. */
export interface Scenario<Result = never> extends TeachingSpec {
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
