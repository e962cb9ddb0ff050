// The header rule: a file opens with a comment saying what it is, after a shebang if it has one;
// code first, a blank line first, an empty comment or a declaration's JSDoc does not count.
import { describe, expect, it } from "vitest";
import { missingHeader } from "../../scripts/lint/headers.ts";

describe("the header rule", () => {
  it("accepts a line comment, a block comment, and either after a shebang", () => {
    expect(missingHeader("a.ts", "// The event queue.\nexport {};\n")).toEqual([]);
    expect(missingHeader("a.ts", "/* The event queue. */\nexport {};\n")).toEqual([]);
    expect(missingHeader("a.js", "#!/usr/bin/env node\n// The command.\n")).toEqual([]);
  });

  it("catches a file without one", () => {
    for (const text of [
      'import x from "y";\n// late\n',
      "\n// after a blank line\n",
      "//\nexport {};\n",
      "/** A function's doc. */\nexport function f() {}\n",
      "#!/usr/bin/env node\nimport x from 'y';\n",
      "",
    ])
      expect(missingHeader("a.ts", text)).toEqual([
        {
          rule: "header",
          file: "a.ts",
          line: 1,
          message: "does not open with a header comment (// what it models and assumes)",
        },
      ]);
  });
});
