// The size rules catch a 71-line function (of any form) and a 301-line file, and let 70 and 300
// pass: a function counts from the line of its first token to the line of its last.
import { describe, expect, it } from "vitest";
import { fileTooLong, lineCount, longFunctions } from "../../scripts/lint/sizes.ts";

/** A function whose text spans `lines` lines, declared as `form` shows. */
function functionOf(lines: number, form: (body: string) => string): string {
  const body = Array.from({ length: lines - 2 }, (_, i) => `  total += ${i};`).join("\n");
  return form(body);
}

describe("the function rule", () => {
  const forms: [string, (body: string) => string][] = [
    ["long", (body) => `export function long(total: number) {\n${body}\n}\n`],
    ["arrow", (body) => `const arrow = (total: number) => {\n${body}\n};\n`],
    ["method", (body) => `class C {\n  method(total: number) {\n${body}\n  }\n}\n`],
    ["property", (body) => `const o = { property: function (total: number) {\n${body}\n} };\n`],
  ];

  for (const [name, form] of forms) {
    it(`catches a 71-line function (${name}) and lets a 70-line one pass`, () => {
      expect(longFunctions("x.ts", functionOf(71, form)).map((v) => v.message)).toEqual([
        `${name}: 71 lines (at most 70)`,
      ]);
      expect(longFunctions("x.ts", functionOf(70, form))).toEqual([]);
    });
  }

  it("names the line where the function starts, past the comment above it", () => {
    const text = `// header\n\n/** doc */\n${functionOf(71, forms[0][1])}`;
    expect(longFunctions("x.ts", text)[0]).toMatchObject({ line: 4, rule: "function-lines" });
  });

  it("measures an inner function apart from the one around it", () => {
    const inner = functionOf(71, (body) => `  const inner = () => {\n${body}\n  };`);
    const text = `function outer() {\n${inner}\n}\n`;
    expect(longFunctions("x.ts", text).map((v) => v.message)).toEqual([
      "outer: 73 lines (at most 70)",
      "inner: 71 lines (at most 70)",
    ]);
  });
});

describe("the file rule", () => {
  const file = (lines: number) => "x;\n".repeat(lines);

  it("counts lines as an editor does", () => {
    expect(lineCount("")).toBe(0);
    expect(lineCount("a")).toBe(1);
    expect(lineCount("a\n")).toBe(1);
    expect(lineCount("a\nb")).toBe(2);
  });

  it("catches a 301-line file and lets a 300-line one pass", () => {
    expect(fileTooLong("x.ts", file(301))).toEqual([
      { rule: "file-lines", file: "x.ts", line: 0, message: "301 lines (at most 300)" },
    ]);
    expect(fileTooLong("x.ts", file(300))).toEqual([]);
  });
});
