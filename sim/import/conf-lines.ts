// Line-oriented configurations (a Redis Sentinel conf, an HAProxy cfg) split into words the way
// their own parsers do: words separated by blanks, "double" or 'single' quotes keep blanks in a
// word, a backslash escapes the next character. Redis takes a line starting with # as a comment;
// HAProxy takes # anywhere outside quotes. A quote left open is a problem on its line.
import type { ProblemList } from "./import-error.ts";

export interface ConfLine {
  /** 1-based line number. */
  line: number;
  /** The line as written (for citing it). */
  text: string;
  words: string[];
}

export interface ConfSyntax {
  /** Where # starts a comment: only as a line's first word (Redis), or anywhere outside quotes (HAProxy). */
  comments: "line-start" | "anywhere";
}

/** The file's non-empty lines, split into words; lines with an open quote are reported and left out. */
export function confLines(text: string, syntax: ConfSyntax, problems: ProblemList): ConfLine[] {
  const lines: ConfLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (syntax.comments === "line-start" && /^\s*#/.test(raw)) return;
    const words = splitWords(raw, syntax);
    if (words === null) {
      problems.add(line, null, "expected a closing quote on this line");
      return;
    }
    if (words.length > 0) lines.push({ line, text: raw, words });
  });
  return lines;
}

/** The words of one line, or null when a quote is left open. */
function splitWords(raw: string, syntax: ConfSyntax): string[] | null {
  const words: string[] = [];
  let word: string | null = null;
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (char === "\\" && i + 1 < raw.length) {
      word = (word ?? "") + raw[++i];
    } else if (quote !== null) {
      if (char === quote) quote = null;
      else word = (word ?? "") + char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= "";
    } else if (char === "#" && syntax.comments === "anywhere") {
      break;
    } else if (/\s/.test(char)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? "") + char;
    }
  }
  if (quote !== null) return null;
  if (word !== null) words.push(word);
  return words;
}
