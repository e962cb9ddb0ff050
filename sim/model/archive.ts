// Backups and log archives for cold standbys. For each cold standby, the current primary takes a
// base backup every `backupEveryUs` (the first at t = 0) and archives its log every
// `archiveEveryUs`; a cold standby restores the newest of them. The archive store (object
// storage) is assumed always reachable; a primary that is down archives nothing, so whatever it
// committed after its last archive cannot be restored from there.
import type { NodeLog } from "./history.ts";

export interface RestorePoint {
  /** The last base backup. */
  backup: NodeLog;
  /** The newest restorable log: the last archive, or the last backup if that is newer. */
  archive: NodeLog;
}

export class ArchiveStore {
  private readonly points = new Map<string, RestorePoint>();

  register(coldStandby: string, emptyLog: NodeLog): void {
    this.points.set(coldStandby, { backup: { ...emptyLog }, archive: { ...emptyLog } });
  }

  restorePoint(coldStandby: string): RestorePoint {
    const point = this.points.get(coldStandby);
    if (!point) throw new Error(`${coldStandby} is not a cold standby`);
    return point;
  }

  /** The logs a cold standby may restore (its last archive; the backup counts only by length). */
  *restorableLogs(): Iterable<NodeLog> {
    for (const point of this.points.values()) yield point.archive;
  }

  /** Saves a snapshot of the primary's log (timelines never change below their end, so a copy of
   *  (timeline, length) is a faithful snapshot). */
  save(coldStandby: string, kind: "backup" | "archive", primaryLog: NodeLog): void {
    const point = this.restorePoint(coldStandby);
    const snapshot = { timeline: primaryLog.timeline, length: primaryLog.length };
    point.archive = snapshot;
    if (kind === "backup") point.backup = snapshot;
  }
}
