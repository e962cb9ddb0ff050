// What makes a registry complete: it has an entry for every kind its type names, and every entry
// has every piece its kind's interface declares. The pieces are read from the interface itself
// (the TypeScript compiler's parse of the file that declares it), so a piece added to the
// interface is checked from then on: present (null only where the type allows it), a function
// where the interface declares a method or a function type, a non-empty string or array where it
// declares one — unless the piece's own doc comment says it may be empty (`""`, `[]`). An
// object piece ({} for a kind without settings) only has to be there.
import ts from "typescript";
import type { Violation } from "./source-files.ts";

export interface Piece {
  readonly name: string;
  readonly shape: "function" | "string" | "array" | "value";
  readonly nullable: boolean;
  /** Its doc comment allows "" or [] for it. */
  readonly mayBeEmpty: boolean;
}

/** What is checked of one registry. */
export interface RegistryCheck {
  /** The registry as a report names it: the file that exports it and the export's name. */
  readonly file: string;
  readonly name: string;
  /** Its value: a map from kind to entry, or a list of entries named by `nameKey`. */
  readonly value: unknown;
  /** The pieces each entry must have (from its interface); none for entries of another shape. */
  readonly pieces: readonly Piece[];
  /** For a list: the property that names each entry. */
  readonly nameKey?: string;
  /** A property each entry carries that must be its kind's name. */
  readonly selfName?: string;
  /** The names its type is made from when they are listed apart from it (in that order). */
  readonly names?: readonly string[];
  /** What else an entry must be (a preset: a function making a policy of its own name). */
  readonly entryProblems?: (name: string, entry: unknown) => string[];
}

function classify(type: ts.TypeNode | undefined): Pick<Piece, "shape" | "nullable"> {
  if (type === undefined) return { shape: "value", nullable: false };
  if (ts.isParenthesizedTypeNode(type)) return classify(type.type);
  if (ts.isUnionTypeNode(type)) {
    const isNull = (member: ts.TypeNode) =>
      ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword;
    const rest = type.types.filter((member) => !isNull(member));
    const nullable = rest.length < type.types.length;
    return { shape: rest.length === 1 ? classify(rest[0]).shape : "value", nullable };
  }
  if (ts.isFunctionTypeNode(type)) return { shape: "function", nullable: false };
  if (type.kind === ts.SyntaxKind.StringKeyword) return { shape: "string", nullable: false };
  if (ts.isArrayTypeNode(type)) return { shape: "array", nullable: false };
  if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.ReadonlyKeyword)
    return classify(type.type);
  if (ts.isTypeReferenceNode(type) && /^(Readonly)?Array$/.test(type.typeName.getText()))
    return { shape: "array", nullable: false };
  return { shape: "value", nullable: false };
}

/** The required members of interface `name` declared in `text` (a file's source). */
export function piecesOf(text: string, name: string): Piece[] {
  const source = ts.createSourceFile("interface.ts", text, ts.ScriptTarget.Latest, true);
  const declaration = source.statements.find(
    (statement): statement is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(statement) && statement.name.text === name,
  );
  if (declaration === undefined) throw new Error(`no interface ${name}`);
  return declaration.members.flatMap((member) => {
    if (member.questionToken !== undefined || member.name === undefined) return [];
    const doc = ts
      .getJSDocCommentsAndTags(member)
      .map((comment) => comment.getText(source))
      .join("\n");
    const { shape, nullable } = ts.isMethodSignature(member)
      ? { shape: "function" as const, nullable: false }
      : classify(ts.isPropertySignature(member) ? member.type : undefined);
    return [
      {
        name: member.name.getText(source),
        shape,
        nullable,
        mayBeEmpty: doc.includes('""') || doc.includes("[]"),
      },
    ];
  });
}

/** What is wrong with one piece of an entry, or null. */
function pieceProblem(piece: Piece, value: unknown): string | null {
  if (value === undefined || (value === null && !piece.nullable)) return `lacks ${piece.name}`;
  if (value === null) return null;
  if (piece.shape === "function" && typeof value !== "function")
    return `${piece.name} is not a function`;
  if (
    piece.shape === "string" &&
    (typeof value !== "string" || (value === "" && !piece.mayBeEmpty))
  )
    return `${piece.name} is empty`;
  if (
    piece.shape === "array" &&
    (!Array.isArray(value) || (value.length === 0 && !piece.mayBeEmpty))
  )
    return `${piece.name} is empty`;
  return null;
}

/** The registry's entries by kind name, in its order. */
function entriesOf(check: RegistryCheck): [string, unknown][] {
  if (!Array.isArray(check.value)) return Object.entries(check.value as object);
  return check.value.map((entry: Record<string, unknown>) => [
    String(entry[check.nameKey ?? "name"]),
    entry,
  ]);
}

export function registryProblems(check: RegistryCheck): Violation[] {
  const at = (message: string): Violation => ({
    rule: "registry",
    file: check.file,
    line: 0,
    message: `${check.name}: ${message}`,
  });
  const entries = entriesOf(check);
  const kinds = entries.map(([kind]) => kind);
  const problems: Violation[] = [];
  if (check.names !== undefined) {
    for (const name of check.names)
      if (!kinds.includes(name)) problems.push(at(`no entry for ${name}, which its type names`));
    for (const kind of kinds)
      if (!check.names.includes(kind)) problems.push(at(`${kind} is not a name its type lists`));
    if (problems.length === 0 && kinds.join() !== check.names.join())
      problems.push(at(`its order is not its type's: ${check.names.join(", ")}`));
  }
  for (const [kind, entry] of entries) {
    const value = entry as Record<string, unknown>;
    if (check.selfName !== undefined && value[check.selfName] !== kind)
      problems.push(
        at(`${kind}: its ${check.selfName} is ${JSON.stringify(value[check.selfName])}`),
      );
    for (const piece of check.pieces) {
      const problem = pieceProblem(piece, value[piece.name]);
      if (problem !== null) problems.push(at(`${kind} ${problem}`));
    }
    for (const problem of check.entryProblems?.(kind, entry) ?? [])
      problems.push(at(`${kind} ${problem}`));
  }
  return problems;
}

/** Registries `text` (an index.ts) declares as a const map or list: `export const x = {…} as const`. */
export function constRegistriesIn(text: string): string[] {
  const source = ts.createSourceFile("index.ts", text, ts.ScriptTarget.Latest, true);
  return source.statements.flatMap((statement) => {
    if (!ts.isVariableStatement(statement)) return [];
    const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (exported !== true) return [];
    return statement.declarationList.declarations.flatMap((declaration) => {
      let init = declaration.initializer;
      while (init !== undefined && ts.isSatisfiesExpression(init)) init = init.expression;
      const isConst =
        init !== undefined &&
        ts.isAsExpression(init) &&
        init.type.getText(source) === "const" &&
        (ts.isObjectLiteralExpression(init.expression) ||
          ts.isArrayLiteralExpression(init.expression));
      return isConst ? [declaration.name.getText(source)] : [];
    });
  });
}
