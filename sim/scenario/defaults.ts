// Every default a scenario can leave out, in one place, in the DSL's own units (duration and rate
// strings), each with the source of the number. Resolution parses these exactly like user input,
// so a default can never bypass validation. Sources marked "our assumption" are choices of this
// project, not published figures; the others name the system and the file or page they come from.

export const defaults = {
  /** Seed of every random stream when neither the scenario nor --seed gives one. */
  seed: 1,

  node: {
    /** Our assumption: zone name when a scenario does not care about placement. */
    zone: "default",
    /** Only hot standbys (running, streaming, applying) are modelled so far. */
    readiness: "hot",
    /** Promote command → accepting writes. Our assumption for a hot standby: replay is already
     *  caught up, so promotion is a role switch and a checkpoint, about a second. */
    promoteIn: "1s",
    /** Relative cost units: one instance-hour per node (our assumption; makes standby_cost a node count). */
    costPerHour: 1,
  },

  network: {
    /** One-way delay. Our assumption: intra-region RTT of ~2 ms, halved. */
    latency: "1ms",
    /** Uniform ±jitter around latency. Our assumption: half the latency. */
    jitter: "0.5ms",
    /** Probability a message is dropped. Our assumption: a healthy network loses nothing. */
    loss: 0,
  },

  replication: {
    /** Asynchronous is the default of Redis and of Patroni (redis.io Sentinel and replication docs; patroni docs/replication_modes.rst). */
    mode: "async",
    /** Commit on the primary → entry shipped to standbys (model: lagUs). Under async replication
     *  what is not yet shipped when the primary fails is lost. Our assumption: a streaming sender
     *  under steady load ships within milliseconds (PostgreSQL walsender wakes on WAL flush). */
    lag: "10ms",
    /** Entry received → applied on the standby (model: applyDelayUs); promotion waits for it.
     *  Our assumption: PostgreSQL streaming replicas under load typically replay tens of
     *  milliseconds behind; 50 ms is a middle value, not a published figure. */
    applyDelay: "50ms",
    /** Standby status report period. PostgreSQL's wal_receiver_status_interval (default 10 s, per the
     *  PostgreSQL docs) is only the upper bound; a standby also reports on every write it applies, so we use 1 s (our assumption). */
    statusInterval: "1s",
  },

  detector: {
    kind: "timeout",
    /** Redis Sentinel SENTINEL_PING_PERIOD, 1000 ms (redis/redis src/sentinel.c). */
    interval: "1s",
    /** Redis Sentinel down-after-milliseconds default, 30 000 ms (redis/redis sentinel.conf). */
    timeout: "30s",
  },

  failover: {
    /** Failover is what the simulator studies; `false` keeps detectors running without acting. */
    automatic: true,
    /** Monitors that must agree; 1 suits the single-monitor case (Sentinel's quorum has no default: `sentinel monitor` requires it; redis/redis sentinel.conf). */
    quorum: 1,
    /** Redis Sentinel has no fencing on the write path (redis.io Sentinel docs). */
    fencing: "none",
    /** Redis Sentinel, Patroni and pg_auto_failover never fail back on their own (their docs: a returning primary rejoins as a replica). */
    failback: "never",
    /** Redis Sentinel: 2 × failover-timeout (180 000 ms) before retrying the same master (redis/redis sentinel.conf). */
    flapWindow: "6m",
  },

  clients: {
    /** Name of a single client group; groups in an array are "clients-1", "clients-2", … */
    name: "clients",
    /** Our assumption: a write without an acknowledgement for 1 s counts as failed (a typical
     *  client statement timeout for an OLTP write). */
    timeout: "1s",
    /** Independent users: exponential gaps between writes. */
    arrivals: "poisson",
    /** A proxy beside the clients follows the current primary. */
    routing: "proxy",
    // zone: the zone of the primary node (resolve.ts), so clients sit next to their database.
  },
} as const;
