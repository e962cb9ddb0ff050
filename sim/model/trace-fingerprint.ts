// The run's fingerprint over its trace: world.ts feeds every trace event here. The hash is
// exactly Fingerprint.addRecord(event) — every value in property order — but the per-write
// kinds, nearly all of a long run's trace, are fed field by field, which costs a fraction of the
// generic walk. `perWriteFields` lists their fields in the order the model builds them;
// test/model/trace-fingerprint.test.ts checks it against the events of real runs and checks
// that both ways hash alike, so a field added to one of these kinds cannot go unhashed.
import { fingerprintTags, stringWord, type Fingerprint } from "./fingerprint.ts";
import type { TraceEvent } from "./trace.ts";

type Fields<K extends TraceEvent["kind"]> = readonly (keyof Extract<TraceEvent, { kind: K }>)[];

export const perWriteFields = {
  write_issued: ["kind", "tUs", "client", "id"],
  write_accepted: ["kind", "tUs", "node", "id", "divergent"],
  write_acked: ["kind", "tUs", "client", "id", "issuedUs"],
  write_failed: ["kind", "tUs", "client", "id", "issuedUs", "reason"],
  replicated: ["kind", "tUs", "node", "lagUs", "position"],
} as const satisfies {
  [
    K in "write_issued" | "write_accepted" | "write_acked" | "write_failed" | "replicated"
  ]: Fields<K>;
};

/** The kind names of the fast path, each reduced to its word once. */
const kindWord = {
  write_issued: stringWord("write_issued"),
  write_accepted: stringWord("write_accepted"),
  write_acked: stringWord("write_acked"),
  write_failed: stringWord("write_failed"),
  replicated: stringWord("replicated"),
};

export function fingerprintEvent(fingerprint: Fingerprint, event: TraceEvent): void {
  switch (event.kind) {
    case "write_issued":
      fingerprintWriteIssued(fingerprint, event.tUs, event.client, event.id);
      return;
    case "write_accepted":
      fingerprintWriteAccepted(fingerprint, event.tUs, event.node, event.id, event.divergent);
      return;
    case "write_acked":
      fingerprintWriteAcked(fingerprint, event.tUs, event.client, event.id, event.issuedUs);
      return;
    case "write_failed":
      fingerprint.addTag(fingerprintTags.record);
      fingerprint.addStringWord(kindWord.write_failed);
      fingerprint.addNumber(event.tUs);
      fingerprint.addString(event.client);
      fingerprint.addNumber(event.id);
      fingerprint.addNumber(event.issuedUs);
      fingerprint.addString(event.reason);
      fingerprint.addTag(fingerprintTags.end);
      return;
    case "replicated":
      fingerprintReplicated(fingerprint, event.tUs, event.node, event.lagUs, event.position);
      return;
    default:
      fingerprint.addRecord(event);
  }
}

// The kinds of WriteTrace (trace.ts), from their values: the same hash as their events.

export function fingerprintWriteIssued(
  fingerprint: Fingerprint,
  tUs: number,
  client: string,
  id: number,
): void {
  fingerprint.addWriteRecord(kindWord.write_issued, tUs, client, id);
}

export function fingerprintWriteAccepted(
  fingerprint: Fingerprint,
  tUs: number,
  node: string,
  id: number,
  divergent: boolean,
): void {
  fingerprint.addWriteRecord(kindWord.write_accepted, tUs, node, id, divergent);
}

export function fingerprintWriteAcked(
  fingerprint: Fingerprint,
  tUs: number,
  client: string,
  id: number,
  issuedUs: number,
): void {
  fingerprint.addWriteRecord(kindWord.write_acked, tUs, client, id, issuedUs);
}

export function fingerprintReplicated(
  fingerprint: Fingerprint,
  tUs: number,
  node: string,
  lagUs: number,
  position: number,
): void {
  fingerprint.addWriteRecord(kindWord.replicated, tUs, node, lagUs, position);
}
