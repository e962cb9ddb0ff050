// A mutable number field of a class in sim/ starts as a number where it is declared
// (`private lastHeardUs = 0;`), not undefined until the constructor sets it. The reason is V8's:
// a field that first holds undefined is kept as a tagged value, so every later store of a number
// that is not a small integer allocates a new heap number — and past 2³¹ µs (36 simulated
// minutes) every time is such a number. A field that starts as a number is kept as a double and
// updated in place. Readonly fields, set once, and fields typed `number | null` (whose null is
// part of what they say) are not held to it. The rule reads syntax only: a field typed through
// an alias of number escapes it.
import ts from "typescript";
import type { Violation } from "./source-files.ts";

/** Mutable class fields typed exactly `number` with no initializer where they are declared. */
export function lateNumberFields(file: string, text: string): Violation[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Violation[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyDeclaration(node) &&
      node.initializer === undefined &&
      node.type?.kind === ts.SyntaxKind.NumberKeyword &&
      !node.modifiers?.some(({ kind }) => kind === ts.SyntaxKind.ReadonlyKeyword)
    ) {
      const name = node.name.getText(source);
      found.push({
        rule: "number-field",
        file,
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        message: `${name}: a mutable number field starts as a number where it is declared (${name} = 0)`,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
