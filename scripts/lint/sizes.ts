// Sizes a reader can hold at once: a file of sim/ that passes 300 lines is two concepts, a
// function that passes 70 lines is several steps that want names. A function is any
// function-like node with a body (declarations, methods, constructors, accessors, function
// expressions and arrows), measured by the TypeScript compiler's parse from the line of its first
// token to the line of its last, so comments and blank lines inside it count and the JSDoc above
// it does not.
import ts from "typescript";
import type { Violation } from "./source-files.ts";

export const maxFileLines = 300;
export const maxFunctionLines = 70;

/** Lines as an editor numbers them: a final newline ends the last line, it does not add one. */
export function lineCount(text: string): number {
  if (text === "") return 0;
  const lines = text.split("\n").length;
  return text.endsWith("\n") ? lines - 1 : lines;
}

export function fileTooLong(file: string, text: string): Violation[] {
  const lines = lineCount(text);
  if (lines <= maxFileLines) return [];
  return [
    { rule: "file-lines", file, line: 0, message: `${lines} lines (at most ${maxFileLines})` },
  ];
}

/** A function's name as a reader finds it: its own, or the variable or property it is assigned to. */
function nameOf(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (ts.isConstructorDeclaration(node)) return "constructor";
  const prefix = ts.isGetAccessor(node) ? "get " : ts.isSetAccessor(node) ? "set " : "";
  if (node.name !== undefined) return prefix + node.name.getText(source);
  const parent = node.parent;
  if (
    (ts.isVariableDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent)) &&
    parent.name !== undefined
  )
    return parent.name.getText(source);
  return "(anonymous function)";
}

export function longFunctions(file: string, text: string): Violation[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Violation[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body !== undefined) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > maxFunctionLines)
        found.push({
          rule: "function-lines",
          file,
          line: start + 1,
          message: `${nameOf(node, source)}: ${lines} lines (at most ${maxFunctionLines})`,
        });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
