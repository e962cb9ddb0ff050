// What a run does with each trace event as the world emits it: the metrics (summary and client
// groups), the timeline and the chart series see every one; the events kept for the result are
// those of the requested trace level; and a scenario's checks get the "changes" level whatever
// that level is, so their verdict never depends on it. The per-write events (most of the trace)
// never change the timeline and are kept only at trace level "full": the sink decides per kind.
import { writeEvents, type TraceEvent, type WorldConfig, type WriteTrace } from "../model/index.ts";
import {
  SeriesObserver,
  SummaryObserver,
  TimelineObserver,
  type GroupRow,
  type RunSeries,
  type TimelineRow,
} from "../metrics/index.ts";
import type { MetricValues } from "../scenario/metric-names.ts";
import { keepsEvent, type TraceLevel } from "./trace-level.ts";

/** An event of the "changes" level, to ask a trace level whether it keeps those. */
const changeMarker: TraceEvent = { kind: "run_end", tUs: 0, authority: "" };

export interface ObservedRun {
  metrics: MetricValues;
  groups: GroupRow[];
  timeline: TimelineRow[];
  series: RunSeries;
  events: TraceEvent[];
}

/** Also the run's WriteTrace (trace.ts): the per-write events reach the metrics and the chart
 *  series as values, and become event objects only for whoever keeps them (trace level "full")
 *  or watches them (`onTrace`). */
export class RunObservers implements WriteTrace {
  private readonly summary: SummaryObserver;
  private readonly timeline: TimelineObserver;
  private readonly series: SeriesObserver;
  private readonly events: TraceEvent[] = [];
  /** What checks see: the "changes" events, kept apart when the trace level keeps something else. */
  private readonly checkEvents: TraceEvent[];
  private readonly keepPerWrite: boolean;
  private readonly keepChanges: boolean;
  /** The per-write values made events, for whoever keeps or watches them; null when nobody does. */
  private readonly objects: WriteTrace | null;

  constructor(
    world: WorldConfig,
    trace: TraceLevel,
    hasChecks: boolean,
    private readonly onTrace: ((event: TraceEvent) => void) | undefined,
  ) {
    this.summary = new SummaryObserver(world);
    this.timeline = new TimelineObserver(world);
    this.series = new SeriesObserver(world);
    this.keepPerWrite = trace === "full";
    this.keepChanges = keepsEvent(trace, changeMarker);
    this.checkEvents = trace === "changes" || !hasChecks ? this.events : [];
    this.objects =
      this.keepPerWrite || onTrace !== undefined
        ? writeEvents((event) => this.perWriteObject(event))
        : null;
  }

  observe(event: TraceEvent): void {
    const perWrite = this.summary.observe(event);
    this.series.observe(event);
    if (perWrite) {
      if (this.keepPerWrite) this.events.push(event);
    } else {
      this.timeline.observe(event);
      if (this.keepChanges) this.events.push(event);
      if (this.checkEvents !== this.events) this.checkEvents.push(event);
    }
    if (this.onTrace) this.onTrace(event);
  }

  // The per-write events of WriteTrace, from their values: what observe does with their events.

  writeIssued(tUs: number, client: string, id: number): void {
    this.summary.writeIssued(tUs, client, id);
    this.objects?.writeIssued(tUs, client, id);
  }

  writeAccepted(tUs: number, node: string, id: number, divergent: boolean): void {
    this.summary.writeAccepted(divergent);
    if (divergent) this.series.divergentWrite(tUs, node);
    this.objects?.writeAccepted(tUs, node, id, divergent);
  }

  writeAcked(tUs: number, client: string, id: number, issuedUs: number): void {
    this.summary.writeAcked(tUs, client, id, issuedUs);
    this.series.writeAcked(client, issuedUs);
    this.objects?.writeAcked(tUs, client, id, issuedUs);
  }

  replicated(tUs: number, node: string, lagUs: number, position: number): void {
    this.summary.replicated(lagUs);
    this.series.replicated(tUs, node, lagUs);
    this.objects?.replicated(tUs, node, lagUs, position);
  }

  private perWriteObject(event: TraceEvent): void {
    if (this.keepPerWrite) this.events.push(event);
    if (this.onTrace) this.onTrace(event);
  }

  /** What the run's result holds of the trace; only after run_end. */
  read(): ObservedRun {
    return {
      metrics: this.summary.values(),
      groups: this.summary.groupRows(),
      timeline: this.timeline.timeline(),
      series: this.series.series(),
      events: this.events,
    };
  }

  /** The result as the scenario's checks see it: with the "changes" events. */
  forChecks<R extends { events: TraceEvent[] }>(result: R): R {
    return this.checkEvents === this.events ? result : { ...result, events: this.checkEvents };
  }
}
