// The file-system operations that change an output folder, gathered in one object so that every
// one of them can be counted, logged or interrupted: tests make one fail, and the kill tests
// stop the process at the n-th (observe, below). Reading (stat, readdir, readFile) is not an
// operation here: it changes nothing a kill could leave half done.
import * as fs from "node:fs/promises";

export interface FileOps {
  mkdir(folder: string): Promise<void>;
  /** Writes a new file; fails if it exists (temporaries are always fresh). */
  writeFile(file: string, content: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** A hard link `to` → the file `from`; fails if `to` exists (the lock is taken with it). */
  link(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** Removes a file or a whole folder; nothing if it is missing. */
  remove(target: string): Promise<void>;
}

export const realOps: FileOps = {
  mkdir: async (folder) => void (await fs.mkdir(folder)),
  writeFile: (file, content) => fs.writeFile(file, content, { encoding: "utf8", flag: "wx" }),
  rename: (from, to) => fs.rename(from, to),
  link: (from, to) => fs.link(from, to),
  unlink: (file) => fs.unlink(file),
  remove: (target) => fs.rm(target, { recursive: true, force: true }),
};

/** Called before each operation with its number (from 1) and a description ("rename a → b"). */
export type OpObserver = (index: number, description: string) => void;

/** The same operations, each announced to `observer` before it runs. */
export function observe(ops: FileOps, observer: OpObserver): FileOps {
  let count = 0;
  const announce = (description: string) => observer(++count, description);
  return {
    mkdir: (folder) => (announce(`mkdir ${folder}`), ops.mkdir(folder)),
    writeFile: (file, content) => (announce(`write ${file}`), ops.writeFile(file, content)),
    rename: (from, to) => (announce(`rename ${from} → ${to}`), ops.rename(from, to)),
    link: (from, to) => (announce(`link ${from} → ${to}`), ops.link(from, to)),
    unlink: (file) => (announce(`unlink ${file}`), ops.unlink(file)),
    remove: (target) => (announce(`remove ${target}`), ops.remove(target)),
  };
}
