// The trace fingerprint's fast path (sim/model/trace-fingerprint.ts) against real runs: every
// per-write event has exactly the fields perWriteFields lists, in that order, and hashing field
// by field gives the same fingerprint as the generic record walk.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { Fingerprint } from "../../sim/model/fingerprint.ts";
import { simulate, type TraceEvent } from "../../sim/model/index.ts";
import { fingerprintEvent, perWriteFields } from "../../sim/model/trace-fingerprint.ts";
import { loadScenarioFile } from "../../sim/scenario/load.ts";
import { resolveScenario } from "../../sim/scenario/index.ts";

const root = path.join(import.meta.dirname, "..", "..");

async function traceOf(file: string): Promise<TraceEvent[]> {
  const raw = await loadScenarioFile(path.join(root, file));
  const events: TraceEvent[] = [];
  simulate(resolveScenario(raw, { file }).world, (event) => events.push(event));
  return events;
}

describe("trace fingerprint", () => {
  // Between them: acks, timeouts, rejections (with retries), divergent writes, replication.
  const files = ["scenarios/split-brain.ts", "scenarios/primary-crash.ts", "scenarios/dns-ttl.ts"];

  it("lists every field of every per-write event, in order", async () => {
    const seen = new Set<string>();
    for (const file of files) {
      for (const event of await traceOf(file)) {
        const fields = (perWriteFields as Record<string, readonly string[]>)[event.kind];
        if (!fields) continue;
        seen.add(event.kind);
        if (Object.keys(event).join() !== fields.join()) {
          expect(
            Object.keys(event),
            `${event.kind} in ${file}: update perWriteFields and fingerprintEvent`,
          ).toEqual(fields);
        }
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(perWriteFields).sort());
  });

  it("hashes each event as the generic record walk does", async () => {
    const events = await traceOf("scenarios/split-brain.ts");
    const fast = new Fingerprint();
    const generic = new Fingerprint();
    for (const event of events) {
      fingerprintEvent(fast, event);
      generic.addRecord(event);
    }
    expect(fast.hex()).toBe(generic.hex());
  });
});
