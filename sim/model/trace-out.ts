// Where the world's trace goes: each event to the run's fingerprint, when it has one, and then to
// the sink. The per-write kinds of WriteTrace (trace.ts), nearly all of a busy run's trace,
// go as values to the run's WriteTrace when it has one — its metrics count them without an
// object per write — and are hashed from those values; without one they are emitted as events
// like any other. Either way the fingerprint and what the consumer sees are the same.
import type { Fingerprint } from "./fingerprint.ts";
import {
  fingerprintEvent,
  fingerprintReplicated,
  fingerprintWriteAccepted,
  fingerprintWriteAcked,
  fingerprintWriteIssued,
} from "./trace-fingerprint.ts";
import {
  replicatedEvent,
  writeAcceptedEvent,
  writeAckedEvent,
  writeIssuedEvent,
  type TraceEvent,
  type TraceSink,
  type WriteTrace,
} from "./trace.ts";

export class TraceOut implements WriteTrace {
  constructor(
    private readonly sink: TraceSink,
    private readonly fingerprint: Fingerprint | null,
    private readonly writes: WriteTrace | null,
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
    const writes = this.writes;
    if (writes === null) return this.emit(writeIssuedEvent(tUs, client, id));
    if (this.fingerprint !== null) fingerprintWriteIssued(this.fingerprint, tUs, client, id);
    writes.writeIssued(tUs, client, id);
  }

  writeAccepted(tUs: number, node: string, id: number, divergent: boolean): void {
    const writes = this.writes;
    if (writes === null) return this.emit(writeAcceptedEvent(tUs, node, id, divergent));
    if (this.fingerprint !== null)
      fingerprintWriteAccepted(this.fingerprint, tUs, node, id, divergent);
    writes.writeAccepted(tUs, node, id, divergent);
  }

  writeAcked(tUs: number, client: string, id: number, issuedUs: number): void {
    const writes = this.writes;
    if (writes === null) return this.emit(writeAckedEvent(tUs, client, id, issuedUs));
    if (this.fingerprint !== null)
      fingerprintWriteAcked(this.fingerprint, tUs, client, id, issuedUs);
    writes.writeAcked(tUs, client, id, issuedUs);
  }

  replicated(tUs: number, node: string, lagUs: number, position: number): void {
    const writes = this.writes;
    if (writes === null) return this.emit(replicatedEvent(tUs, node, lagUs, position));
    if (this.fingerprint !== null)
      fingerprintReplicated(this.fingerprint, tUs, node, lagUs, position);
    writes.replicated(tUs, node, lagUs, position);
  }
}
