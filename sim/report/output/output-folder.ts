// Replacing a report folder whole. Everything is written into a hidden sibling folder first (the
// same file system, so renames are atomic); then the previous report is renamed aside, the new
// one renamed into place and the previous one removed. A kill at any moment therefore leaves
// the complete previous report or the complete new one at the folder's path — except between
// the two renames, where the path is briefly absent and the previous report whole under its
// aside name: POSIX has no portable exchange of two folders (Linux's renameat2 RENAME_EXCHANGE
// is not reachable from Node), so the next sim that opens the folder puts it back.
// Opening a folder takes its lock (folder-lock.ts), tidies what dead processes left beside it
// (siblings.ts) and refuses a folder holding anything a sim report does not: replacing it whole
// would delete the user's files. Nothing is written to the folder's path until the swap; the
// signal given to replace() stops the staging (the swap itself, two renames, always finishes).
// Not done: fsync. A killed process loses nothing the kernel holds; a power cut may.
import * as fs from "node:fs";
import * as path from "node:path";
import { describeOwner, ownOwner, tryLock, unlock, type LockOwner } from "./folder-lock.ts";
import { realOps, type FileOps } from "./file-ops.ts";
import { OutputError } from "./output-error.ts";
import { isRunning, siblingPath, siblingsOf, targetOf, type Target } from "./siblings.ts";

export interface OutputFile {
  /** A relative path inside the folder, e.g. "summary.csv" or "charts/lag.png". */
  name: string;
  /** Text (written as UTF-8) or bytes. */
  content: string | Uint8Array;
}

export interface OpenOptions {
  /** Whether an entry of an existing folder belongs to a sim report (folders end in "/"). */
  replaceable(name: string): boolean;
  /** Shown to a second writer: what this process is doing, e.g. "sim run scenarios/blip.ts". */
  command: string;
  /** Wait for another writer to finish instead of failing; `onWait` hears once whom we wait for. */
  wait?: { signal?: AbortSignal; onWait?(owner: string): void };
  ops?: Partial<FileOps>;
}

/** Files that operating systems put in any folder a person opens. */
const litter = new Set([".DS_Store", "Thumbs.db", "desktop.ini"]);
const pollMs = 200;

export class OutputFolder {
  private released = false;
  private written = false;

  private constructor(
    private readonly target: Target,
    private readonly ops: FileOps,
    /** The topmost folder this process created to hold the output folder, if any. */
    private readonly createdParent: string | undefined,
    /** What opening tidied: e.g. a previous report put back after an interrupted swap. */
    readonly tidied: string[],
  ) {}

  /** The folder as given, resolved to an absolute path. */
  get dir(): string {
    return this.target.dir;
  }

  /** Whether a report is at the folder's path now. */
  get exists(): boolean {
    return fs.existsSync(this.target.dir);
  }

  static async open(outDir: string, options: OpenOptions): Promise<OutputFolder> {
    const ops: FileOps = { ...realOps, ...options.ops };
    const target = targetOf(outDir);
    checkPlace(outDir, target);
    const createdParent = await makeParent(target, outDir);
    const owner = ownOwner(options.command);
    try {
      await lock(target, owner, ops, outDir, options.wait);
    } catch (error) {
      await removeCreated(createdParent, target.parent);
      throw error;
    }
    const folder = new OutputFolder(target, ops, createdParent, []);
    try {
      folder.tidied.push(...(await tidy(target, ops)));
      checkContents(target, outDir, options.replaceable);
    } catch (error) {
      await folder.release();
      throw error;
    }
    return folder;
  }

  /** Writes `files` as the whole new content of the folder, then swaps it in. */
  async replace(files: readonly OutputFile[], signal?: AbortSignal): Promise<void> {
    if (this.released) throw new Error("the output folder was released");
    checkNames(files);
    const staged = siblingPath(this.target, "new");
    const step = () => signal?.throwIfAborted();
    try {
      step();
      await this.ops.mkdir(staged);
      const folders = new Set<string>();
      for (const file of files) {
        const parent = path.dirname(file.name);
        if (parent !== "." && !folders.has(parent)) {
          step();
          await this.ops.mkdir(path.join(staged, parent));
          folders.add(parent);
        }
        step();
        await this.ops.writeFile(path.join(staged, file.name), file.content);
      }
      step();
    } catch (error) {
      await fs.promises.rm(staged, { recursive: true, force: true }).catch(() => undefined);
      throw error;
    }
    await this.swap(staged);
    this.written = true;
  }

  /** Releases the lock; parent folders made for an output never written are removed again. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await unlock(this.target, this.ops).catch(() => undefined);
    if (!this.written) await removeCreated(this.createdParent, this.target.parent);
  }

  private async swap(staged: string): Promise<void> {
    const { dir } = this.target;
    if (!fs.existsSync(dir)) {
      await this.ops.rename(staged, dir);
      return;
    }
    const aside = siblingPath(this.target, "old");
    await this.ops.rename(dir, aside);
    try {
      await this.ops.rename(staged, dir);
    } catch (error) {
      await fs.promises.rename(aside, dir).catch(() => undefined);
      await fs.promises.rm(staged, { recursive: true, force: true }).catch(() => undefined);
      throw error;
    }
    await this.ops.remove(aside);
  }
}

/** The folder's path must be one sim may replace: not a file, not the file system's root, not
 *  the current folder or one above it (renaming it would pull the ground from under us). */
function checkPlace(outDir: string, target: Target): void {
  if (target.parent === target.dir)
    throw new OutputError(
      `${outDir} is the root of the file system; give a folder for the report with --out.`,
    );
  const cwd = process.cwd();
  if (cwd === target.dir || cwd.startsWith(`${target.dir}${path.sep}`)) {
    throw new OutputError(
      `${outDir} is the current folder or contains it; sim replaces its output folder whole, so give a folder of its own with --out, like reports/mine.`,
    );
  }
  const stat = fs.statSync(target.dir, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory())
    throw new OutputError(
      `${outDir} exists and is not a folder; give a folder for the report with --out.`,
    );
}

async function makeParent(target: Target, outDir: string): Promise<string | undefined> {
  try {
    return await fs.promises.mkdir(target.parent, { recursive: true });
  } catch (error) {
    throw new OutputError(
      `Cannot create the folder for ${outDir}: ${reasonOf(error)}. Choose another folder with --out.`,
    );
  }
}

async function lock(
  target: Target,
  owner: LockOwner,
  ops: FileOps,
  outDir: string,
  wait: OpenOptions["wait"],
): Promise<void> {
  let announced = false;
  for (;;) {
    let attempt;
    try {
      attempt = await tryLock(target, owner, ops);
    } catch (error) {
      throw new OutputError(
        `Cannot write to ${outDir}: ${reasonOf(error)}. Choose another folder with --out.`,
      );
    }
    if (attempt.taken) return;
    const other = describeOwner(attempt.owner);
    if (wait === undefined) {
      throw new OutputError(
        `${outDir} is being written by ${other}. Wait for it with --wait, or choose another folder with --out.`,
      );
    }
    if (!announced) wait.onWait?.(other);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    wait.signal?.throwIfAborted();
  }
}

/** Removes what dead processes left beside the folder; puts back a previous report they had
 *  moved aside when the folder itself is missing (a swap cut between its two renames). */
async function tidy(target: Target, ops: FileOps): Promise<string[]> {
  const done: string[] = [];
  const dead = siblingsOf(target).filter((sibling) => !isRunning(sibling.pid));
  const olds = dead.filter((sibling) => sibling.kind === "old");
  for (const old of olds) {
    if (!fs.existsSync(target.dir)) {
      await ops.rename(old.path, target.dir);
      done.push(
        `put back the previous report, which an interrupted run (process ${old.pid}) had moved aside`,
      );
    } else {
      await ops.remove(old.path);
    }
  }
  for (const sibling of dead.filter((entry) => entry.kind !== "old"))
    await ops.remove(sibling.path);
  return done;
}

/** Refuses a folder holding anything that is not part of a sim report, listing what. */
function checkContents(
  target: Target,
  outDir: string,
  replaceable: (name: string) => boolean,
): void {
  if (!fs.existsSync(target.dir)) return;
  const foreign: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const name = `${prefix}${entry.name}`;
      if (litter.has(entry.name)) continue;
      if (entry.isDirectory() && replaceable(`${name}/`))
        walk(path.join(folder, entry.name), `${name}/`);
      else if (entry.isDirectory() ? !replaceable(`${name}/`) : !replaceable(name))
        foreign.push(entry.isDirectory() ? `${name}/` : name);
    }
  };
  walk(target.dir, "");
  if (foreign.length === 0) return;
  const shown =
    foreign.slice(0, 5).join(", ") + (foreign.length > 5 ? ` and ${foreign.length - 5} more` : "");
  throw new OutputError(
    `${outDir} holds files that are not part of a sim report (${shown}). sim replaces its output folder whole, so it will not write there: choose another folder with --out, or move them away.`,
  );
}

function checkNames(files: readonly OutputFile[]): void {
  const seen = new Set<string>();
  for (const { name } of files) {
    const plain = name
      .split("/")
      .every(
        (segment) =>
          segment !== "" && segment === path.basename(segment) && !segment.startsWith("."),
      );
    if (!plain)
      throw new Error(
        `report file name ${JSON.stringify(name)} must be a relative path of plain file names`,
      );
    if (seen.has(name)) throw new Error(`report file ${name} given twice`);
    seen.add(name);
  }
}

/** Removes the folders mkdir created, from `folder` up to `created`, while they are empty. */
export async function removeCreated(created: string | undefined, folder: string): Promise<void> {
  if (created === undefined) return;
  let current = folder;
  for (;;) {
    try {
      await fs.promises.rmdir(current);
    } catch {
      return;
    }
    if (current === created) return;
    const up = path.dirname(current);
    if (up === current) return;
    current = up;
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
