// Text helpers the fault kinds share: names in a reproducer's source (JSON strings, lists) and
// groups of names in labels and sentences.

/** A name as a JSON string. */
export const quoted = (text: string): string => JSON.stringify(text);

/** `["a", "b"]`. */
export const quotedList = (names: readonly string[]): string => `[${names.map(quoted).join(", ")}]`;

/** One name as a string, several as a list. */
export const quotedOneOrList = (names: readonly string[]): string =>
  names.length === 1 ? quoted(names[0]) : quotedList(names);

/** "east,db1 | west" (labels). */
export const groupsLabel = (groups: readonly (readonly string[])[], separator = " | "): string =>
  groups.map((group) => group.join(",")).join(separator);

/** "[east, db1] | [west]" (sentences). */
export const groupsSentence = (groups: readonly (readonly string[])[]): string =>
  groups.map((group) => `[${group.join(", ")}]`).join(" | ");
