// The tidy contract over the whole project: the sizes of sim/'s files and functions, a header
// on every file of sim/, scenarios/, scripts/ and bin/, the simulation core's determinism bans,
// sim/'s number fields, and every registry complete. `npm run lint:tidy` prints what it finds;
// the tidy test runs the same rules.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { coreFolders, nondeterminism } from "./determinism.ts";
import { missingHeader } from "./headers.ts";
import { lateNumberFields } from "./number-fields.ts";
import { registryChecks, unlistedRegistries } from "./registries.ts";
import { registryProblems } from "./registry-rules.ts";
import { fileTooLong, longFunctions } from "./sizes.ts";
import { sourceFiles, type Violation } from "./source-files.ts";

/** The folders whose every file opens with a header. */
export const headerFolders = ["sim", "scenarios", "scripts", "bin"];

type FileRule = (file: string, text: string) => Violation[];

function eachFile(root: string, folders: readonly string[], rule: FileRule): Violation[] {
  return folders
    .flatMap((folder) => sourceFiles(root, folder))
    .flatMap((file) => rule(file, readFileSync(join(root, file), "utf8")));
}

/** Files of sim/ over 300 lines and functions over 70. */
export function sizeViolations(root: string): Violation[] {
  const typescript =
    (rule: FileRule): FileRule =>
    (file, text) =>
      file.endsWith(".ts") ? rule(file, text) : [];
  return [
    ...eachFile(root, ["sim"], typescript(fileTooLong)),
    ...eachFile(root, ["sim"], typescript(longFunctions)),
  ];
}

export function headerViolations(root: string): Violation[] {
  return eachFile(root, headerFolders, missingHeader);
}

export function determinismViolations(root: string): Violation[] {
  return eachFile(root, coreFolders, nondeterminism);
}

/** Mutable number fields of sim/ declared without a number (number-fields.ts). */
export function numberFieldViolations(root: string): Violation[] {
  return eachFile(root, ["sim"], (file, text) =>
    file.endsWith(".ts") ? lateNumberFields(file, text) : [],
  );
}

export async function registryViolations(root: string): Promise<Violation[]> {
  const checks = await registryChecks(root);
  return [...checks.flatMap(registryProblems), ...unlistedRegistries(root)];
}

/** Every rule's violations, rule by rule. */
export async function tidyViolations(root: string): Promise<Violation[]> {
  return [
    ...sizeViolations(root),
    ...headerViolations(root),
    ...determinismViolations(root),
    ...numberFieldViolations(root),
    ...(await registryViolations(root)),
  ];
}

/** A violation as one line: "sim/model/world.ts:12  function-lines  tick: 71 lines (at most 70)". */
export function formatViolation(violation: Violation): string {
  const where = violation.line > 0 ? `${violation.file}:${violation.line}` : violation.file;
  return `${where}  ${violation.rule}  ${violation.message}`;
}
