// The data behind a run's charts and narrative, computed online from the trace like every
// metric: write and read outcomes, replication lag, pool servers' load and divergent writes per
// time bucket, lost-write stretches, fault periods, promotions and the main events. Every part
// is bounded — buckets by `maxBuckets` (their width grows with the run), lists by their own
// caps — so memory does not grow with run length or write volume.
// The buckets span the run including the final drain of in-flight writes (duration + the
// longest client timeout, as the world runs it), so every chart shares one time axis.
import { drainUs, type TraceEvent, type WorldConfig } from "../model/index.ts";
import { DataLossSeriesObserver, type DataLossSeries } from "./data-loss-series.ts";
import { FaultPeriodsObserver, type FaultPeriod } from "./fault-periods.ts";
import { KeyEventsObserver, type KeyEvents } from "./key-events.ts";
import { LagSeriesObserver, type LagSeries } from "./lag-series.ts";
import { PromotionMarksObserver, type PromotionMark } from "./promotion-marks.ts";
import { ReadSeriesObserver, type ReadSeries } from "./read-series.ts";
import { ServerLoadSeriesObserver, type ServerLoadSeries } from "./server-load-series.ts";
import { TimeBuckets } from "./time-buckets.ts";
import { TraceRouter } from "./trace-router.ts";
import { WriteSeriesObserver, type WriteSeries } from "./write-series.ts";

export interface RunSeries {
  /** Width of every time bucket, µs (named in chart axis titles). */
  bucketUs: number;
  bucketCount: number;
  /** The scenario's duration: clients issue writes in [0, durationUs). */
  durationUs: number;
  /** When the run ended (duration + drain). */
  endUs: number;
  writes: WriteSeries[];
  /** Per client group that reads. */
  reads: ReadSeries[];
  lag: LagSeries[];
  /** Per pool server (none without servers). */
  serverLoad: ServerLoadSeries[];
  dataLoss: DataLossSeries;
  faults: { periods: FaultPeriod[]; omitted: number };
  promotions: { marks: PromotionMark[]; omitted: number };
  keyEvents: KeyEvents;
}

export class SeriesObserver {
  private readonly buckets: TimeBuckets;
  private readonly router = new TraceRouter();
  private readonly writes: WriteSeriesObserver;
  private readonly lag: LagSeriesObserver;
  private readonly reads: ReadSeriesObserver;
  private readonly serverLoad: ServerLoadSeriesObserver;
  private readonly dataLoss: DataLossSeriesObserver;
  private readonly faults: FaultPeriodsObserver;
  private readonly promotions: PromotionMarksObserver;
  private readonly keyEvents: KeyEventsObserver;
  private endUs: number | null = null;

  constructor(private readonly config: WorldConfig) {
    const buckets = (this.buckets = new TimeBuckets(config.durationUs + drainUs(config.clients)));
    const router = this.router;
    const servers = config.nodes.filter((node) => node.role === "server").map((node) => node.name);
    this.writes = new WriteSeriesObserver(
      buckets,
      config.clients.map((client) => client.name),
    );
    this.lag = new LagSeriesObserver(buckets);
    this.reads = new ReadSeriesObserver(buckets);
    this.serverLoad = new ServerLoadSeriesObserver(buckets, servers);
    this.dataLoss = router.add(new DataLossSeriesObserver(buckets));
    this.faults = router.add(new FaultPeriodsObserver());
    this.promotions = router.add(new PromotionMarksObserver());
    this.keyEvents = router.add(new KeyEventsObserver());
  }

  /** Per-write events go straight to the one observer that wants them, by a switch: they are
   *  most of the trace, and a sweep runs this for every event of every run. The others go
   *  through the router to those that read their kind (trace-router.ts). */
  observe(event: TraceEvent): void {
    switch (event.kind) {
      case "write_issued":
      case "session_lost":
        return;
      case "write_acked":
      case "write_failed":
        this.writes.observe(event);
        return;
      case "replicated":
        this.lag.observe(event);
        return;
      case "write_accepted":
        if (event.divergent) this.dataLoss.observe(event);
        return;
      case "read":
        this.reads.observe(event);
        return;
      case "request_served":
        this.serverLoad.observe(event);
        return;
      default:
        this.router.observe(event);
        if (event.kind === "run_end") this.endUs = event.tUs;
    }
  }

  // The per-write events of WriteTrace (trace.ts), from their values, as observe does with
  // their events (a write_issued changes no series).

  /** A write_accepted flagged divergent (the others change no series). */
  divergentWrite(tUs: number, node: string): void {
    this.dataLoss.divergentWrite(tUs, node);
  }

  writeAcked(client: string, issuedUs: number): void {
    this.writes.acked(client, issuedUs);
  }

  replicated(tUs: number, node: string, lagUs: number): void {
    this.lag.sample(tUs, node, lagUs);
  }

  /** Everything the charts need; only after run_end. */
  series(): RunSeries {
    if (this.endUs === null) throw new Error("series read before run_end");
    return {
      bucketUs: this.buckets.widthUs,
      bucketCount: this.buckets.count,
      durationUs: this.config.durationUs,
      endUs: this.endUs,
      writes: this.writes.series(),
      reads: this.reads.series(),
      lag: this.lag.series(),
      serverLoad: this.serverLoad.series(),
      dataLoss: this.dataLoss.series(),
      faults: this.faults.faultPeriods(),
      promotions: this.promotions.promotions(),
      keyEvents: this.keyEvents.keyEvents(),
    };
  }
}
