// One writer per output folder. The lock is a small JSON file beside the folder (siblings.ts)
// saying who holds it: pid, host, when it started and the command. It is created whole or not
// at all: the owner is written to a claim file first, then hard-linked to the lock's name, which
// fails if a lock is there. A lock whose process no longer runs (same host; a pid reused by a
// later process is told apart by its start time where /proc says it) is stale and taken over;
// one held by a live process is reported, naming it, or waited for.
// Not proper-lockfile: it tells staleness by an mtime refreshed from a timer, so a process busy
// in a long synchronous stretch (a simulation, a chart) would lose its lock, a dead one is taken
// over only after the stale period, and the lock does not say whose it is.
// Residual race, accepted: two processes taking over the same stale lock in the same instant can
// both succeed; the take-over re-reads the lock it moved away to make that window tiny.
import * as fs from "node:fs";
import type { FileOps } from "./file-ops.ts";
import {
  hostName,
  isRunning,
  lockPath,
  processStart,
  siblingPath,
  type Target,
} from "./siblings.ts";

export interface LockOwner {
  pid: number;
  host: string;
  /** Process start in clock ticks since boot (Linux), to tell a reused pid apart. */
  start?: number;
  /** When the lock was taken (ISO time, for the message only). */
  since: string;
  command: string;
}

export type LockAttempt = { taken: true } | { taken: false; owner: LockOwner | undefined };

export function ownOwner(command: string): LockOwner {
  const start = processStart(process.pid);
  return {
    pid: process.pid,
    host: hostName,
    ...(start === undefined ? {} : { start }),
    since: new Date().toISOString(),
    command,
  };
}

/** Tries once to take the lock of `target`, taking over a stale one. */
export async function tryLock(
  target: Target,
  owner: LockOwner,
  ops: FileOps,
): Promise<LockAttempt> {
  const lock = lockPath(target);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await linkLock(target, owner, ops)) return { taken: true };
    const current = readOwner(lock);
    if (current !== undefined && !isStale(current)) return { taken: false, owner: current };
    if (current === undefined && fs.existsSync(lock) && !oldEnough(lock))
      return { taken: false, owner: undefined };
    await takeOver(target, current, ops);
  }
  return { taken: false, owner: readOwner(lock) };
}

/** Releases the lock if this process holds it. */
export async function unlock(target: Target, ops: FileOps): Promise<void> {
  const lock = lockPath(target);
  if (readOwner(lock)?.pid === process.pid) await ops.unlink(lock);
}

export function describeOwner(owner: LockOwner | undefined): string {
  if (owner === undefined) return "another sim process (its lock file is being written)";
  const host = owner.host === hostName ? "" : ` on ${owner.host}`;
  return `process ${owner.pid}${host} (${owner.command}, since ${owner.since})`;
}

async function linkLock(target: Target, owner: LockOwner, ops: FileOps): Promise<boolean> {
  const claim = siblingPath(target, "claim");
  await ops.writeFile(claim, `${JSON.stringify(owner)}\n`);
  try {
    await ops.link(claim, lockPath(target));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await ops.unlink(claim).catch(() => undefined);
  }
}

export function readOwner(lock: string): LockOwner | undefined {
  try {
    const value = JSON.parse(fs.readFileSync(lock, "utf8")) as Partial<LockOwner>;
    if (typeof value.pid !== "number" || typeof value.host !== "string") return undefined;
    return {
      pid: value.pid,
      host: value.host,
      start: value.start,
      since: String(value.since ?? "?"),
      command: String(value.command ?? "sim"),
    };
  } catch {
    return undefined;
  }
}

function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostName) return false;
  if (!isRunning(owner.pid)) return true;
  const start = processStart(owner.pid);
  return owner.start !== undefined && start !== undefined && start !== owner.start;
}

/** An unreadable lock older than a few seconds was cut short (a full disk): it is taken over. */
function oldEnough(lock: string): boolean {
  try {
    return Date.now() - fs.statSync(lock).mtimeMs > 5000;
  } catch {
    return true;
  }
}

/** Moves the stale lock away and removes it, putting it back if it turned out to be a fresh one. */
async function takeOver(target: Target, stale: LockOwner | undefined, ops: FileOps): Promise<void> {
  const lock = lockPath(target);
  const moved = siblingPath(target, "claim");
  try {
    await ops.rename(lock, moved);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // released meanwhile
    throw error;
  }
  const found = readOwner(moved);
  const same =
    found?.pid === stale?.pid && found?.start === stale?.start && found?.since === stale?.since;
  if (!same) await ops.link(moved, lock).catch(() => undefined);
  await ops.unlink(moved);
}
