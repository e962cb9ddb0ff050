// The hidden siblings an output folder gets while it is written, all named after it so that a
// later run finds (and tidies) those a killed process left: for `reports/blip` they are
//   reports/.blip.sim-lock                 the lock (folder-lock.ts)
//   reports/.blip.sim-new-<pid>-<n>        the new report being written
//   reports/.blip.sim-old-<pid>-<n>        the previous report, during the swap
//   reports/.blip.sim-claim-<pid>-<n>      a lock being taken (or a stale one being taken over)
//   reports/.blip.sim-partial.jsonl        the finished runs of an interrupted sweep (--resume)
// The pid says whose it is; whether that process still runs is asked of the operating system.
// Assumption: processes sharing an output folder run on this machine (a lock written by another
// host is never taken over: its pid means nothing here).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export type SiblingKind = "new" | "old" | "claim";

export interface Sibling {
  kind: SiblingKind;
  pid: number;
  /** The full path. */
  path: string;
}

/** The output folder as an absolute path, its parent and its name. */
export interface Target {
  dir: string;
  parent: string;
  base: string;
}

export function targetOf(outDir: string): Target {
  const dir = path.resolve(outDir);
  return { dir, parent: path.dirname(dir), base: path.basename(dir) };
}

export function lockPath(target: Target): string {
  return path.join(target.parent, `.${target.base}.sim-lock`);
}

export function partialPath(target: Target): string {
  return path.join(target.parent, `.${target.base}.sim-partial.jsonl`);
}

let counter = 0;

/** A fresh sibling name of this process. */
export function siblingPath(target: Target, kind: SiblingKind): string {
  return path.join(target.parent, `.${target.base}.sim-${kind}-${process.pid}-${counter++}`);
}

/** The siblings of `target` of every kind that carries a pid, as found in its parent folder. */
export function siblingsOf(target: Target): Sibling[] {
  let names: string[];
  try {
    names = fs.readdirSync(target.parent);
  } catch {
    return [];
  }
  const prefix = `.${target.base}.sim-`;
  const found: Sibling[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(new|old|claim)-(\d+)-\d+$/.exec(name.slice(prefix.length));
    if (match)
      found.push({
        kind: match[1] as SiblingKind,
        pid: Number(match[2]),
        path: path.join(target.parent, name),
      });
  }
  return found;
}

/** Whether a process with this pid runs on this machine (a process of another user counts). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** When the process started, in clock ticks since boot (Linux), to tell a reused pid apart;
 *  undefined where /proc does not say. */
export function processStart(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22, counted after the command name in parentheses (which may itself hold spaces).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

export const hostName = os.hostname();
