// Replacing one file whole (a JUnit report, a fuzz reproducer): written beside it under a
// hidden name of this process (siblings.ts), then renamed over it, so a reader or a kill sees
// the old file or the new one. Temporaries that dead processes left beside it are removed
// first. Two writers of one file need no lock: each rename is whole, and the last one wins.
// Not write-file-atomic: its temporary names carry no pid, so those of killed processes could
// not be told from other files and tidied.
import * as fs from "node:fs";
import { realOps, type FileOps } from "./file-ops.ts";
import { OutputError } from "./output-error.ts";
import { removeCreated } from "./output-folder.ts";
import { isRunning, siblingPath, siblingsOf, targetOf } from "./siblings.ts";

export async function replaceFile(
  file: string,
  content: string | Uint8Array,
  given: Partial<FileOps> = {},
): Promise<void> {
  const ops: FileOps = { ...realOps, ...given };
  const target = targetOf(file);
  const stat = fs.statSync(target.dir, { throwIfNoEntry: false });
  if (stat && !stat.isFile()) throw new OutputError(`${file} exists and is not a file.`);
  let created: string | undefined;
  try {
    created = await fs.promises.mkdir(target.parent, { recursive: true });
    for (const sibling of siblingsOf(target))
      if (!isRunning(sibling.pid)) await ops.remove(sibling.path);
    const staged = siblingPath(target, "new");
    try {
      await ops.writeFile(staged, content);
      await ops.rename(staged, target.dir);
    } catch (error) {
      await fs.promises.rm(staged, { force: true }).catch(() => undefined);
      throw error;
    }
  } catch (error) {
    await removeCreated(created, target.parent);
    throw new OutputError(
      `Cannot write ${file}: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
}
