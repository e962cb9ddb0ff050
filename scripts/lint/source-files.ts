// The files the tidy contract reads: every TypeScript and JavaScript file under a folder, paths
// relative to the project, in a fixed order so that reports read the same on every machine.
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const sourceExtension = /\.(ts|js|mjs|cjs)$/;

/** Every source file under `folder` of `root` (recursively), relative to `root`, sorted. */
export function sourceFiles(root: string, folder: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return walk(path);
      return sourceExtension.test(entry) ? [relative(root, path)] : [];
    });
  return walk(join(root, folder)).sort();
}

/** One broken rule, where it is broken. */
export interface Violation {
  readonly rule: string;
  /** Relative to the project. */
  readonly file: string;
  /** 1-based; 0 for the file as a whole. */
  readonly line: number;
  readonly message: string;
}
