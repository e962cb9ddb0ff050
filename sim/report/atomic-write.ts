// Writing a set of report files so that readers never see a half-written report, and a failed
// run leaves the destination exactly as it was. All files are first written into a fresh temp
// folder inside the destination (same file system, so renames are atomic), named
// `.tmp-<pid>-<n>` (ignored by git). Then each file is renamed into place; a file it replaces is
// first moved aside into the temp folder, so that if any rename fails, every file already
// placed is taken back and the replaced ones restored. The temp folder is always removed, and a
// destination folder this call created is removed again when it fails.
// Assumptions: nobody else writes the same files concurrently; file names are plain names.
import { constants } from "node:fs";
import * as fs from "node:fs/promises";
import * as path from "node:path";

export interface ReportFile {
  /** A plain file name inside the destination folder, e.g. "summary.csv". */
  name: string;
  content: string;
}

/** The file operations used, replaceable in tests to make one fail. */
export interface FileOps {
  writeFile(file: string, content: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

const realOps: FileOps = {
  writeFile: (file, content) => fs.writeFile(file, content, { encoding: "utf8", flag: "wx" }),
  rename: (from, to) => fs.rename(from, to),
};

let tempCounter = 0;

/** Writes every file into `outDir` (created if missing), all or nothing. Returns the paths written. */
export async function writeFilesAtomically(
  outDir: string,
  files: readonly ReportFile[],
  ops: Partial<FileOps> = {},
): Promise<string[]> {
  const { writeFile, rename } = { ...realOps, ...ops };
  await checkDestination(outDir, files);
  const created = await fs.mkdir(outDir, { recursive: true });
  const tempDir = await makeTempDir(outDir);
  const placed: { target: string; aside: string | null }[] = [];
  try {
    for (const file of files) await writeFile(path.join(tempDir, file.name), file.content);
    for (const file of files) {
      const target = path.join(outDir, file.name);
      let aside: string | null = null;
      if (await exists(target)) {
        aside = path.join(tempDir, `.previous-${file.name}`);
        await rename(target, aside);
      }
      placed.push({ target, aside });
      await rename(path.join(tempDir, file.name), target);
    }
  } catch (error) {
    await rollBack(placed);
    await fs.rm(tempDir, { recursive: true, force: true });
    if (created !== undefined) await removeCreatedFolders(outDir, created);
    throw error;
  }
  await fs.rm(tempDir, { recursive: true, force: true });
  return files.map((file) => path.join(outDir, file.name));
}

/** Refuses bad names and a destination that is a file, before touching anything. */
async function checkDestination(outDir: string, files: readonly ReportFile[]): Promise<void> {
  const seen = new Set<string>();
  for (const file of files) {
    if (file.name === "" || file.name !== path.basename(file.name) || file.name.startsWith(".")) {
      throw new Error(`report file name ${JSON.stringify(file.name)} must be a plain file name`);
    }
    if (seen.has(file.name)) throw new Error(`report file ${file.name} given twice`);
    seen.add(file.name);
  }
  const folder = await fs.stat(outDir).catch(() => null);
  if (folder && !folder.isDirectory()) throw new Error(`${outDir} exists and is not a folder`);
  if (!folder) return;
  for (const file of files) {
    const target = await fs.stat(path.join(outDir, file.name)).catch(() => null);
    if (target && !target.isFile()) throw new Error(`${path.join(outDir, file.name)} exists and is not a file`);
  }
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

/** Undoes the renames done so far, newest first; best effort, so the original error surfaces. */
async function rollBack(placed: { target: string; aside: string | null }[]): Promise<void> {
  for (const { target, aside } of [...placed].reverse()) {
    try {
      if (aside === null) await fs.rm(target, { force: true });
      else if (await exists(aside)) await fs.rename(aside, target);
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

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}
