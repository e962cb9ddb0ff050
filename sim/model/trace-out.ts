// Where the world's trace goes: each event to the run's fingerprint, when it has one, and then to
// the sink. The per-write kinds of WriteTrace (trace.ts), nearly all of a busy run's trace, are
// hashed from their values and handed, as values, to the run's WriteTrace: its metrics count
// them without an object per write. A run without one gets writeEvents(sink), which makes them
// events for the sink like any other. Either way the fingerprint and what the consumer sees are
// the same.
import type { Fingerprint } from "./fingerprint.ts";
import {
  fingerprintEvent,
  fingerprintReplicated,
  fingerprintWriteAccepted,
  fingerprintWriteAcked,
  fingerprintWriteIssued,
} from "./trace-fingerprint.ts";
import type { TraceEvent, TraceSink, WriteTrace } from "./trace.ts";

export class TraceOut implements WriteTrace {
  constructor(
    private readonly sink: TraceSink,
    private readonly fingerprint: Fingerprint | null,
    private readonly writes: WriteTrace,
  ) {}

  /** The fingerprint so far (16 hex digits); empty when the run is not fingerprinted. */
  fingerprintHex(): string {
    return this.fingerprint?.hex() ?? "";
  }

  emit(event: TraceEvent): void {
    if (this.fingerprint !== null) fingerprintEvent(this.fingerprint, event);
    this.sink(event);
  }

  writeIssued(tUs: number, client: string, id: number): void {
    if (this.fingerprint !== null) fingerprintWriteIssued(this.fingerprint, tUs, client, id);
    this.writes.writeIssued(tUs, client, id);
  }

  writeAccepted(tUs: number, node: string, id: number, divergent: boolean): void {
    if (this.fingerprint !== null)
      fingerprintWriteAccepted(this.fingerprint, tUs, node, id, divergent);
    this.writes.writeAccepted(tUs, node, id, divergent);
  }

  writeAcked(tUs: number, client: string, id: number, issuedUs: number): void {
    if (this.fingerprint !== null)
      fingerprintWriteAcked(this.fingerprint, tUs, client, id, issuedUs);
    this.writes.writeAcked(tUs, client, id, issuedUs);
  }

  replicated(tUs: number, node: string, lagUs: number, position: number): void {
    if (this.fingerprint !== null)
      fingerprintReplicated(this.fingerprint, tUs, node, lagUs, position);
    this.writes.replicated(tUs, node, lagUs, position);
  }
}
