// Per client group: what each group's users felt, for groups.csv and the worst-group summary
// columns (min_group_availability, max_group_downtime_s). Each group's figures are the
// summary's definitions applied to that group's own writes and reads: availability = acked /
// attempted; downtime = in the group's own issue order, each write owns the time until the
// group's next write (its last one: until the run duration), and downtime is the time owned by
// failed writes, clipped to [0, duration]; reads and read-your-writes as reads.ts; sessions lost
// as sessions.ts.
// Cost: with one client group its write figures are the run's own, so the summary hands them
// over and this observer reads no per-write event at all; with several it reads each write's
// issue and outcome and each settled write (issue-order.ts), one map lookup apiece.
import type { TraceEvent, WorldConfig } from "../model/index.ts";
import type { SettledWrite } from "./issue-order.ts";
import { secondsOf, type ReadKinds, type TraceObserver } from "./observer.ts";
import { countRead, emptyReadCounts, type ReadCounts } from "./reads.ts";
import type { WriteCounts } from "./writes.ts";

export interface GroupRow {
  group: string;
  zone: string;
  writes: WriteCounts;
  downtimeS: number;
  reads: ReadCounts;
  sessionsLost: number;
}

interface Account {
  name: string;
  zone: string;
  attempted: number;
  acked: number;
  failed: number;
  fallback: number;
  downUs: number;
  /** The group's latest settled write, whose owned interval ends at the group's next write. */
  pendingIssuedUs: number;
  pendingAcked: boolean;
  reads: ReadCounts;
  sessionsLost: number;
}

export class GroupsObserver implements TraceObserver {
  private readonly accounts: Account[];
  private readonly byName = new Map<string, Account>();
  /** Whether per-write events must be fed here (several groups). */
  readonly perWrite: boolean;
  readonly reads: ReadKinds;
  private finished = false;

  constructor(private readonly config: WorldConfig) {
    this.accounts = config.clients.map((client) => ({
      name: client.name,
      zone: client.zone,
      attempted: 0,
      acked: 0,
      failed: 0,
      fallback: 0,
      downUs: 0,
      pendingIssuedUs: -1,
      pendingAcked: true,
      reads: emptyReadCounts(),
      sessionsLost: 0,
    }));
    for (const account of this.accounts) this.byName.set(account.name, account);
    this.perWrite = this.accounts.length > 1;
    const writes = ["write_issued", "write_acked", "write_failed"] as const;
    this.reads = this.perWrite ? [...writes, "read", "session_lost"] : ["read", "session_lost"];
  }

  observe(event: TraceEvent): void {
    switch (event.kind) {
      case "write_issued":
        this.issued(event.client);
        return;
      case "write_acked":
        this.acked(event.client);
        return;
      case "write_failed": {
        const account = this.account(event.client);
        account.failed++;
        if (event.reason === "fallback") account.fallback++;
        return;
      }
      case "read":
        countRead(this.account(event.client).reads, event);
        return;
      case "session_lost":
        this.account(event.client).sessionsLost++;
        return;
      default:
        return;
    }
  }

  /** A write_issued of `client`, from its values (only when perWrite). */
  issued(client: string): void {
    this.account(client).attempted++;
  }

  /** A write_acked of `client`, from its values (only when perWrite). */
  acked(client: string): void {
    this.account(client).acked++;
  }

  /** Fed every settled write, in issue order (only when perWrite). */
  settle(write: SettledWrite): void {
    const account = this.account(write.client);
    this.own(account, write.issuedUs);
    account.pendingIssuedUs = write.issuedUs;
    account.pendingAcked = write.acked;
  }

  /** After the last settled write: each group's last write owns the time until the run duration. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (const account of this.accounts) this.own(account, this.config.durationUs);
  }

  /** One row per client group, in configuration order. `overall` gives the single group's write
   *  figures when per-write events were not fed here. */
  rows(overall: { writes: WriteCounts; downtimeS: number }): GroupRow[] {
    return this.accounts.map((account) => ({
      group: account.name,
      zone: account.zone,
      writes: this.perWrite ? countsOf(account) : overall.writes,
      downtimeS: this.perWrite ? secondsOf(account.downUs) : overall.downtimeS,
      reads: { ...account.reads },
      sessionsLost: account.sessionsLost,
    }));
  }

  /** The pending write's interval ends at `untilUs`: downtime if it failed. */
  private own(account: Account, untilUs: number): void {
    if (account.pendingIssuedUs < 0 || account.pendingAcked) return;
    const startUs = Math.max(0, account.pendingIssuedUs);
    const endUs = Math.min(this.config.durationUs, untilUs);
    if (endUs > startUs) account.downUs += endUs - startUs;
    account.pendingAcked = true;
  }

  private account(name: string): Account {
    const account = this.byName.get(name);
    if (account === undefined)
      throw new Error(`trace names client group ${name}, which the configuration lacks`);
    return account;
  }
}

function countsOf(account: Account): WriteCounts {
  const { attempted, acked, failed, fallback } = account;
  const availability = attempted === 0 ? null : acked / attempted;
  return { attempted, acked, failed, fallback, availability };
}

/** The worst group: the lowest availability among groups that wrote (null if none did), and the
 *  longest downtime (null without client groups). */
export function worstGroup(rows: readonly GroupRow[]): {
  minAvailability: number | null;
  maxDowntimeS: number | null;
} {
  let minAvailability: number | null = null;
  let maxDowntimeS: number | null = null;
  for (const row of rows) {
    const availability = row.writes.availability;
    if (availability !== null && (minAvailability === null || availability < minAvailability))
      minAvailability = availability;
    if (maxDowntimeS === null || row.downtimeS > maxDowntimeS) maxDowntimeS = row.downtimeS;
  }
  return { minAvailability, maxDowntimeS };
}
