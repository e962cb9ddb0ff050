// Words `sim explain` builds its sentences with: lists of names, counts with thousands
// separators, plurals. Fixed rules, never the locale's.
/** "a", "a and b", "a, b and c". */
export function listed(names: readonly string[]): string {
  return names.length <= 1
    ? names.join("")
    : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** A count with thousands separators: 11752 → "11,752" (fixed, not locale-dependent). */
export { groupThousands as count } from "../dsl/index.ts";

export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
