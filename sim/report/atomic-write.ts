// Writing a set of report files so that readers never see a half-written report, and a failed
// run leaves the destination exactly as it was. All files are first written into a fresh temp
// folder inside the destination (same file system, so renames are atomic), named
// `.tmp-<pid>-<n>` (ignored by git). Then each file is renamed into place; a file it replaces is
// first moved aside into the temp folder, so that if any rename fails, every file already
// placed is taken back and the replaced ones restored. Files of an earlier report that this one
// does not produce (`obsolete`, e.g. a chart this run has no data for) are moved aside the same
// way, so the folder never mixes two runs. The temp folder is always removed; folders this call
// created are removed again when it fails, and a subfolder left empty by obsolete files goes.
// Assumptions: nobody else writes the same files concurrently; names are relative paths of
// plain segments ("summary.csv", "charts/timeline.svg") — no "..", no hidden names.
import { constants } from "node:fs";
import * as fs from "node:fs/promises";
import * as path from "node:path";

export interface ReportFile {
  /** A relative path inside the destination folder, e.g. "summary.csv" or "charts/lag.png". */
  name: string;
  /** Text (written as UTF-8) or bytes. */
  content: string | Uint8Array;
}

/** The file operations used, replaceable in tests to make one fail. */
export interface FileOps {
  writeFile(file: string, content: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

const realOps: FileOps = {
  writeFile: (file, content) => fs.writeFile(file, content, { encoding: "utf8", flag: "wx" }),
  rename: (from, to) => fs.rename(from, to),
};

let tempCounter = 0;

/** One rename done so far: `target` now holds a new file (or, when `isNew` is false, was an
 *  obsolete file moved away); `aside` holds what was there before, if anything. */
interface Placed {
  target: string;
  aside: string | null;
  isNew: boolean;
}

/** Writes every file into `outDir` (created if missing) and moves away the `obsolete` ones that
 *  exist, all or nothing. Returns the paths written. */
export async function writeFilesAtomically(
  outDir: string,
  files: readonly ReportFile[],
  ops: Partial<FileOps> = {},
  obsolete: readonly string[] = [],
): Promise<string[]> {
  const { writeFile, rename } = { ...realOps, ...ops };
  await checkDestination(outDir, files, obsolete);
  const created = await fs.mkdir(outDir, { recursive: true });
  const tempDir = await makeTempDir(outDir);
  const placed: Placed[] = [];
  const createdFolders: string[] = [];
  try {
    for (const file of files) {
      const temp = path.join(tempDir, file.name);
      await fs.mkdir(path.dirname(temp), { recursive: true });
      await writeFile(temp, file.content);
    }
    for (const file of files) {
      const target = path.join(outDir, file.name);
      await makeParents(outDir, file.name, createdFolders);
      const aside = await moveAside(target, tempDir, file.name, rename);
      placed.push({ target, aside, isNew: true });
      await rename(path.join(tempDir, file.name), target);
    }
    for (const name of obsolete) {
      const target = path.join(outDir, name);
      const aside = await moveAside(target, tempDir, name, rename);
      if (aside !== null) placed.push({ target, aside, isNew: false });
    }
  } catch (error) {
    await rollBack(placed);
    await fs.rm(tempDir, { recursive: true, force: true });
    for (const folder of [...createdFolders].reverse()) await fs.rmdir(folder).catch(() => undefined);
    if (created !== undefined) await removeCreatedFolders(outDir, created);
    throw error;
  }
  await fs.rm(tempDir, { recursive: true, force: true });
  await removeEmptySubfolders(outDir, obsolete);
  return files.map((file) => path.join(outDir, file.name));
}

/** Refuses bad names and destinations of the wrong kind, before touching anything. */
async function checkDestination(outDir: string, files: readonly ReportFile[], obsolete: readonly string[]): Promise<void> {
  const seen = new Set<string>();
  for (const name of [...files.map((file) => file.name), ...obsolete]) {
    checkName(name);
    if (seen.has(name)) throw new Error(`report file ${name} given twice`);
    seen.add(name);
  }
  const folder = await fs.stat(outDir).catch(() => null);
  if (folder && !folder.isDirectory()) throw new Error(`${outDir} exists and is not a folder`);
  if (!folder) return;
  for (const name of seen) {
    const segments = name.split("/");
    for (let depth = 1; depth < segments.length; depth++) {
      const parent = path.join(outDir, ...segments.slice(0, depth));
      const stat = await fs.stat(parent).catch(() => null);
      if (stat && !stat.isDirectory()) throw new Error(`${parent} exists and is not a folder`);
    }
    const target = await fs.stat(path.join(outDir, name)).catch(() => null);
    if (target && !target.isFile()) throw new Error(`${path.join(outDir, name)} exists and is not a file`);
  }
}

function checkName(name: string): void {
  const segments = name.split("/");
  const plain = (segment: string) => segment !== "" && segment === path.basename(segment) && !segment.startsWith(".");
  if (!segments.every(plain)) throw new Error(`report file name ${JSON.stringify(name)} must be a relative path of plain file names`);
}

async function makeTempDir(outDir: string): Promise<string> {
  for (;;) {
    const candidate = path.join(outDir, `.tmp-${process.pid}-${tempCounter++}`);
    try {
      await fs.mkdir(candidate);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/** Creates the subfolders a file needs inside `outDir`, remembering those it created. */
async function makeParents(outDir: string, name: string, createdFolders: string[]): Promise<void> {
  const segments = name.split("/").slice(0, -1);
  for (let depth = 1; depth <= segments.length; depth++) {
    const folder = path.join(outDir, ...segments.slice(0, depth));
    try {
      await fs.mkdir(folder);
      createdFolders.push(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/** Moves an existing file at `target` into the temp folder; returns where, or null if none. */
async function moveAside(
  target: string,
  tempDir: string,
  name: string,
  rename: FileOps["rename"],
): Promise<string | null> {
  if (!(await exists(target))) return null;
  const aside = path.join(tempDir, ".previous", name);
  await fs.mkdir(path.dirname(aside), { recursive: true });
  await rename(target, aside);
  return aside;
}

/** Undoes the renames done so far, newest first; best effort, so the original error surfaces. */
async function rollBack(placed: Placed[]): Promise<void> {
  for (const { target, aside, isNew } of [...placed].reverse()) {
    try {
      if (isNew) await fs.rm(target, { force: true });
      if (aside !== null && (await exists(aside))) await fs.rename(aside, target);
    } catch {
      // Nothing better to do: the caller reports the original failure.
    }
  }
}

/** Removes the folders mkdir created for this call (from `outDir` up to `created`) if empty. */
async function removeCreatedFolders(outDir: string, created: string): Promise<void> {
  let folder = path.resolve(outDir);
  const top = path.resolve(created);
  for (;;) {
    try {
      await fs.rmdir(folder);
    } catch {
      return;
    }
    if (folder === top) return;
    const parent = path.dirname(folder);
    if (parent === folder) return;
    folder = parent;
  }
}

/** A subfolder that held only obsolete files is removed (rmdir refuses one that is not empty). */
async function removeEmptySubfolders(outDir: string, obsolete: readonly string[]): Promise<void> {
  const folders = new Set(obsolete.filter((name) => name.includes("/")).map((name) => path.dirname(name)));
  const deepestFirst = [...folders].sort((a, b) => b.split("/").length - a.split("/").length || (a < b ? -1 : 1));
  for (const folder of deepestFirst) await fs.rmdir(path.join(outDir, folder)).catch(() => undefined);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}
