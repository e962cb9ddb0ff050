// Every default of a scenario's own fields, in the DSL's own units (duration and rate strings),
// each with the source of the number; a kind's own settings (a detector's timeout, …) have their
// defaults in the kind's module (model/detectors/<kind>.ts, …), stated the same way. Resolution
// parses these exactly like user input, so a default can never bypass validation. Sources marked
// "our assumption" are choices of this project, not published figures; the others name the
// system and the file or page they come from.

export const defaults = {
  /** Seed of every random stream when neither the scenario nor --seed gives one. */
  seed: 1,

  node: {
    /** Our assumption: zone name when a scenario does not care about placement. */
    zone: "default",
    /** A standby is running, streaming and applying unless said otherwise. */
    readiness: "hot",
    /** Writes per second a node can handle: no limit unless a scenario sets one. */
    capacity: "unlimited",
    /** Queued work beyond which a node refuses writes outright (our assumption: 5 s of work). */
    queueLimit: "5s",
    /** An exited process stays down until the scenario restarts it: the model's behaviour before
     *  restart policies, and a machine's without a supervisor. */
    restartPolicy: "never",
    /** Kubernetes' container restart back-off (CrashLoopBackOff): 10 s, doubling, capped at 300 s,
     *  reset after 10 minutes of running (kubernetes.io, Pod Lifecycle, "Container restart
     *  policy"; the kubelet's backOffPeriod and MaxContainerBackOff, whose entry expires after
     *  twice the cap). The first restart is at once. */
    restartBackOff: { initial: "10s", max: "5m", resetAfter: "10m" },
    /** An autoscaled fleet (`autoscale`), target tracking on requests per instance. Our
     *  assumptions, in the range cloud auto-scaling uses: demand measured each minute (the
     *  1-minute metric), three measurements in a row above the target to scale out (a
     *  target-tracking scale-out alarm's datapoints), 60 % target, 5 minutes from the decision
     *  to an instance in service (boot, start-up, warm caches), at most 100 instances. */
    autoscale: {
      targetUtilization: 0.6,
      period: "1m",
      periods: 3,
      launchIn: "5m",
      maxInstances: 100,
    },
  },

  /**
   * Per readiness: what a standby costs and what a promotion of it takes. The primary and the
   * monitors use the "hot" column. Costs are relative (one running instance-hour = 1); every
   * number here is our assumption unless a source is named, chosen so that the three differ the
   * way they do in practice: cold < warm < hot in cost, and the reverse in recovery time.
   */
  readiness: {
    hot: {
      /** Promote command → accepting writes: the log is already applied, so promotion is a role
       *  switch and a checkpoint, about a second. */
      promoteIn: "1s",
      /** Applies entries as fast as they arrive. */
      applyRate: "unlimited",
      applyEvery: "0s",
      /** Caches are warm: full capacity at once. */
      warmUp: "0s",
      warmUpCapacity: 1,
      /** A full running instance, the same size as the primary. */
      costPerHour: 1,
    },
    warm: {
      promoteIn: "1s",
      /** Replays in batches once a minute (delayed apply / log shipping), at 5,000 entries/s. */
      applyRate: "5000/s",
      applyEvery: "1m",
      /** Cold caches after promotion: half the writes are served for 30 s. */
      warmUp: "30s",
      warmUpCapacity: 0.5,
      /** A smaller running instance that serves no traffic. */
      costPerHour: 0.5,
    },
    cold: {
      promoteIn: "1s",
      /** Archive replay speed after a restore. */
      applyRate: "5000/s",
      applyEvery: "0s",
      /** Empty caches: half the writes are served for 2 minutes. */
      warmUp: "2m",
      warmUpCapacity: 0.5,
      /** Start the stopped machine and the database (cloud instance start: a minute or two). */
      bootIn: "2m",
      /** Restore the base backup from object storage. */
      restoreIn: "3m",
      /** A base backup a day, the usual schedule. */
      backupEvery: "24h",
      /** Log archived every minute (PostgreSQL archive_timeout is commonly set to 60 s). */
      archiveEvery: "1m",
      /** Storage for backups and archives only: a tenth of a running instance. */
      costPerHour: 0.1,
    },
  },

  network: {
    /** One-way delay. Our assumption: intra-region RTT of ~2 ms, halved. */
    latency: "1ms",
    /** Uniform ±jitter around a fixed latency. Our assumption: half the latency. A latency
     *  distribution is its own spread: beside one the jitter is 0. */
    jitter: "0.5ms",
    /** Probability a message is dropped. Our assumption: a healthy network loses nothing. */
    loss: 0,
    /** Log entries per second a link can carry: no limit unless a scenario sets one. */
    bandwidth: "unlimited",
    /** In order, as TCP delivers: the connections between nodes are TCP streams (RFC 9293: data
     *  reaches the application in sequence). `reorder: true` models datagrams or several
     *  connections per link. */
    reorder: false,
  },

  replication: {
    /** Asynchronous is the default of Redis and of Patroni (redis.io Sentinel and replication docs; patroni docs/replication_modes.rst). */
    mode: "async",
    /** Commit on the primary → entry shipped to standbys (model: lagUs). Under async replication
     *  what is not yet shipped when the primary fails is lost. Our assumption: a streaming sender
     *  under steady load ships within milliseconds (PostgreSQL walsender wakes on WAL flush). */
    lag: "10ms",
    /** The sender ships on ticks this far apart, each tick's entries as one message per standby
     *  (and, under the synchronous modes, one acknowledgement per message), as WAL streaming
     *  and Redis replication send what has accumulated rather than a message per write. Our
     *  assumption, like `lag`: a 10 ms group window — within the 40 ms Redis documents for its
     *  batched stream (`repl-disable-tcp-nodelay yes`: "up to 40 milliseconds", redis.conf) and
     *  PostgreSQL's 200 ms wal_writer_delay for asynchronous commits, and at 1,000 writes/s about
     *  ten entries a message. It delays an entry by up to 10 ms (5 ms on average) beyond `lag`.
     *  "0ms" ships each entry on its own. */
    shipWindow: "10ms",
    /** Entry received → applied on the standby (model: applyDelayUs); promotion waits for it.
     *  Our assumption: PostgreSQL streaming replicas under load typically replay tens of
     *  milliseconds behind; 50 ms is a middle value, not a published figure. */
    applyDelay: "50ms",
    /** Standby status report period. PostgreSQL's wal_receiver_status_interval (default 10 s, per the
     *  PostgreSQL docs) is only the upper bound; a standby also reports on every write it applies, so we use 1 s (our assumption). */
    statusInterval: "1s",
    /** Standby acknowledgements a synchronous commit waits for: one (PostgreSQL's
     *  synchronous_standby_names = 'ANY 1', MySQL's rpl_semi_sync_source_wait_for_replica_count = 1).
     *  Under "quorum" the default is a majority of the cluster instead (see resolve.ts). */
    waitFor: 1,
    /** MySQL rpl_semi_sync_source_timeout default, 10 000 ms (MySQL reference manual, semisynchronous replication). */
    semiSyncTimeout: "10s",
    /** Kafka's broker default min.insync.replicas, 1 (Kafka documentation, broker configs). */
    minInsync: 1,
    /** Kafka's replica.lag.time.max.ms, 30 000 ms since 2.5 (KIP-537; 10 000 before). */
    lagTimeMax: "30s",
  },

  detector: {
    /** Redis Sentinel's rule, the simplest: suspect after a silence. Each kind's own settings and
     *  their defaults are in its module (model/detectors/<kind>.ts). */
    kind: "timeout",
  },

  failover: {
    /** Failover is what the simulator studies; `false` keeps detectors running without acting. */
    automatic: true,
    /** Monitors that must agree; 1 suits the single-monitor case (Sentinel's quorum has no default: `sentinel monitor` requires it; redis/redis sentinel.conf). */
    quorum: 1,
    /** Redis Sentinel has no fencing on the write path (redis.io Sentinel docs). Each fencing
     *  kind's own settings and their defaults are in its module (model/fencing/<kind>.ts). */
    fencing: "none",
    /** Redis Sentinel, Patroni and pg_auto_failover never fail back on their own (their docs: a
     *  returning primary rejoins as a replica). Each policy's own settings (hold-down's wait) and
     *  their defaults are in its module (model/failback/<kind>.ts). */
    failback: "never",
    /** A deposed primary follows the new primary at once: Redis Sentinel reconfigures a returning
     *  master as a replica of the new one (redis/redis src/sentinel.c). Each mode's own settings
     *  (rewind's time) and their defaults are in its module (model/rejoin/<mode>.ts). */
    rejoin: "standby",
    /** Redis Sentinel: 2 × failover-timeout (180 000 ms) before retrying the same master (redis/redis sentinel.conf). */
    flapWindow: "6m",
    /** No limit, as Redis Sentinel (Patroni's maximum_lag_on_failover is 1 MiB of WAL; patroni docs/dynamic_configuration.rst). */
    maxLagOnFailover: "unlimited",
    /** No anti-flapping block (Orchestrator's RecoveryPeriodBlockSeconds is 3600 s; go/config/config.go). */
    blockFor: "0s",
    /** Orchestrator: PreventCrossDataCenterMasterFailover false (go/config/config.go). */
    crossZone: true,
    /** Kafka's unclean.leader.election.enable, false since 0.11 (Kafka documentation, broker
     *  configs): with isr replication only an in-sync replica is elected. */
    uncleanElection: false,
    /** Patroni: ttl 30 s, loop_wait 10 s, retry_timeout 10 s (patroni docs/dynamic_configuration.rst). */
    lease: { ttl: "30s", renewEvery: "10s", retryTimeout: "10s" },
    /** Manual operations: an operator reacts within 5 to 15 minutes (our assumption: paging plus
     *  diagnosis; GitHub's September 2023 manual failover began 17 minutes after the first alert). */
    operatorDelay: "5m..15m",
    operatorErrorProbability: 0,
  },

  clients: {
    /** Name of a single client group; groups in an array are "clients-1", "clients-2", … */
    name: "clients",
    /** Our assumption: a write without an acknowledgement for 1 s counts as failed (a typical
     *  client statement timeout for an OLTP write). */
    timeout: "1s",
    /** Independent users: exponential gaps between writes. */
    arrivals: "poisson",
    /** A proxy beside the clients follows the current primary. Each routing kind's own settings
     *  and their defaults are in its module (model/routing/<kind>.ts). */
    routing: "proxy",
    /** One connection: the group behaves as one client. */
    connections: 1,
    /** No retries: a failed attempt is a failed write. */
    retries: 0,
    /** Between retries: 100 ms, doubling (our assumption; drivers use tens to hundreds of ms). */
    backoff: "100ms",
    /** Reconnecting after a change of primary: 0 s unless said (pooled connections may take longer). */
    reconnectIn: "0s",
    /** No reads unless a scenario asks for them. */
    reads: "0/s",
    /** Reads go to the primary, which always has the connection's own writes (our assumption:
     *  the safe choice a driver makes unless told to use replicas). */
    readFrom: "primary",
    /** Sessions in each server's own memory: the default of common web frameworks' session
     *  middleware (e.g. express-session's MemoryStore, a servlet container's in-memory manager). */
    sessionStore: "memory",
    /** Reads from standbys: a node that failed a read is skipped for 10 s — pgjdbc's
     *  hostRecheckSeconds default, 10 (pgjdbc MultiHostChooser; PostgreSQL JDBC driver docs). */
    readRecheck: "10s",
    /** A circuit breaker (`breaker: {}`), opossum's defaults (nodeshift/opossum lib/circuit.js):
     *  open above 50 % failures of a 10 s window in 10 buckets, whatever its volume; half-open
     *  after 30 s. No fallback unless one is given, as in opossum. opossum's own `timeout`
     *  (10 000 ms) is the group's `timeout` here. */
    breaker: {
      errorThresholdPercentage: 50,
      resetTimeout: "30s",
      rollingCountTimeout: "10s",
      rollingCountBuckets: 10,
      volumeThreshold: 0,
      fallback: false,
    },
    // zone: the zone of the primary node (resolve.ts), so clients sit next to their database.
  },
} as const;
