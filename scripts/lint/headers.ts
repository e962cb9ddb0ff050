// Every file opens with a header: a comment, before any code, saying what the file models or
// does and what it assumes. A shebang line may come first; a JSDoc block (`/**`) does not count,
// since it documents the declaration under it rather than the file.
import type { Violation } from "./source-files.ts";

export function missingHeader(file: string, text: string): Violation[] {
  const lines = text.split("\n");
  const first = lines[0]?.startsWith("#!") ? lines[1] : lines[0];
  const header = first !== undefined && /^(\/\/\s*\S|\/\*(?!\*))/.test(first);
  if (header) return [];
  return [
    {
      rule: "header",
      file,
      line: 1,
      message: "does not open with a header comment (// what it models and assumes)",
    },
  ];
}
