// Data loss, from the world's end-of-run accounting and from acceptance events:
// lost_writes sums writes_lost.count — acknowledged writes missing from the final authoritative
// history; rpo_s is the largest writes_lost.rpoUs (0 when nothing was lost) — the age span of
// lost data; divergent_writes counts write_accepted events flagged divergent — writes accepted
// by a deposed primary after another node was promoted (whether or not they were later lost).
import type { TraceEvent } from "../model/index.ts";
import { secondsOf, type TraceObserver } from "./observer.ts";

export class LostWritesObserver implements TraceObserver {
  readonly reads = ["writes_lost", "write_accepted"] as const;
  private lost = 0;
  private worstRpoUs = 0;
  private divergent = 0;

  observe(event: TraceEvent): void {
    if (event.kind === "writes_lost") {
      this.lost += event.count;
      this.worstRpoUs = Math.max(this.worstRpoUs, event.rpoUs);
    } else if (event.kind === "write_accepted" && event.divergent) {
      this.divergentWrite();
    }
  }

  /** A divergent write_accepted, from its values (a WriteTrace call: shared-observers.ts). */
  divergentWrite(): void {
    this.divergent++;
  }

  lostWrites(): number {
    return this.lost;
  }

  rpoSeconds(): number {
    return secondsOf(this.worstRpoUs);
  }

  divergentWrites(): number {
    return this.divergent;
  }
}
