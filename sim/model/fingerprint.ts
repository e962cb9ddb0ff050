// A fingerprint of a run: an incremental 64-bit hash (two 32-bit lanes) over everything fed to
// it; the world feeds it the trace (trace-fingerprint.ts), and the engine knows nothing of it.
// Equal inputs give equal fingerprints on every machine; it is not cryptographic. Plain data
// (records, arrays, strings, numbers, booleans) is hashed by walking it — every value in property
// order, each as one or two 32-bit words tagged with its type — rather than by serialising it:
// a run feeds it every trace event, so it must cost little and allocate nothing.
// - a string is first reduced to one word (FNV-1a over its UTF-16 code units, then its length),
//   remembered for short strings (the last two checked first: recent-two.ts): a run's strings are a
//   few names repeated millions of times;
// - a number that is a safe integer is hashed as its low and high 32 bits (one word when it fits
//   in 32 bits); any other number by the two words of its IEEE 754 encoding, read in a fixed
//   order whatever the machine's byte order.
// Callers that know a record's shape may feed its values themselves (addTag, addString, …) in
// the order addRecord would: the hash is the same (trace-fingerprint.ts does this).

import { RecentTwo } from "./recent-two.ts";

const float = new Float64Array(1);
const words = new Int32Array(float.buffer);
/** Index of the low word of a double in `words`: 0 on little-endian machines. */
const low = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

/** Tags mixed with every value, so values of different types never hash alike. */
export const fingerprintTags = { record: 0x7e5, end: 0x7e6 } as const;
const tagInt = 0x1000_0001;
const tagHigh = 0x2000_0002;
const tagDouble = 0x3000_0003;
const tagString = 0x4000_0004;
const tagTrue = 0x7e1;
const tagFalse = 0x7e0;
const tagUndefined = 0x7e2;
const tagNull = 0x7e3;
const tagArray = 0x7e4;

/** Strings longer than this are hashed every time rather than remembered. */
const maxRememberedLength = 64;
const maxRemembered = 4096;

export class Fingerprint {
  private a = 0x811c9dc5 | 0;
  private b = 0x5bd1e995 | 0;
  private readonly stringWords = new Map<string, number>();
  private readonly recentWords = new RecentTwo<number>();

  addString(text: string): void {
    let word = this.recentWords.get(text);
    if (word === undefined) {
      word = this.lookUp(text);
      this.recentWords.remember(text, word);
    }
    this.mix(word ^ tagString);
  }

  /** The same as addString(text) for a word computed once with stringWord(text). */
  addStringWord(word: number): void {
    this.mix(word ^ tagString);
  }

  addNumber(value: number): void {
    this.mix(firstWord(value));
    if ((value | 0) !== value) this.mix(secondWord(value));
  }

  addBoolean(value: boolean): void {
    this.mix(value ? tagTrue : tagFalse);
  }

  /** A tag (fingerprintTags) that opens or closes a structure. */
  addTag(tag: number): void {
    this.mix(tag);
  }

  /** Any plain data: numbers, strings, booleans, null, undefined, arrays and records of them. */
  addValue(value: unknown): void {
    switch (typeof value) {
      case "number":
        this.addNumber(value);
        return;
      case "string":
        this.addString(value);
        return;
      case "boolean":
        this.addBoolean(value);
        return;
      case "undefined":
        this.mix(tagUndefined);
        return;
      case "object":
        if (value === null) this.mix(tagNull);
        else if (Array.isArray(value)) this.addArray(value);
        else this.addRecord(value as Record<string, unknown>);
        return;
      default:
        throw new Error(`cannot fingerprint a ${typeof value}`);
    }
  }

  /** A record's values in property order (its property names are not hashed: the shape is the
   *  caller's, e.g. fixed per kind of trace event). */
  addRecord(record: Readonly<Record<string, unknown>>): void {
    this.mix(fingerprintTags.record);
    for (const key in record) this.addValue(record[key]);
    this.mix(fingerprintTags.end);
  }

  /** A per-write trace event's record (trace-fingerprint.ts): the same words as addTag(record),
   *  addStringWord(kindWord), addNumber(tUs), addString(name), addNumber(id), addValue(last)
   *  when `last` is given, and addTag(end). The words are gathered first and mixed in one loop
   *  with both lanes in local variables, as a run's millions of these events make worth a
   *  method of their own. (`id` is the record's second number: a write's id, or a replication's
   *  lag.) */
  addWriteRecord(
    kindWord: number,
    tUs: number,
    name: string,
    id: number,
    last?: number | boolean,
  ): void {
    let nameWord = this.recentWords.get(name);
    if (nameWord === undefined) {
      nameWord = this.lookUp(name);
      this.recentWords.remember(name, nameWord);
    }
    const gathered = recordWords;
    gathered[0] = fingerprintTags.record;
    gathered[1] = kindWord ^ tagString;
    let count = putNumber(gathered, 2, tUs);
    gathered[count++] = nameWord ^ tagString;
    count = putNumber(gathered, count, id);
    if (typeof last === "boolean") gathered[count++] = last ? tagTrue : tagFalse;
    else if (last !== undefined) count = putNumber(gathered, count, last);
    gathered[count++] = fingerprintTags.end;
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < count; i++) {
      a = stepA(a, gathered[i]);
      b = stepB(b, gathered[i], a);
    }
    this.a = a;
    this.b = b;
  }

  hex(): string {
    return (
      (finish(this.a ^ this.b) >>> 0).toString(16).padStart(8, "0") +
      (finish(this.b) >>> 0).toString(16).padStart(8, "0")
    );
  }

  /** A string's word from the table, or computed (and remembered when short and there is room). */
  private lookUp(text: string): number {
    const known = this.stringWords.get(text);
    if (known !== undefined) return known;
    const word = stringWord(text);
    if (text.length <= maxRememberedLength && this.stringWords.size < maxRemembered)
      this.stringWords.set(text, word);
    return word;
  }

  private addArray(values: readonly unknown[]): void {
    this.mix(tagArray ^ (values.length << 12));
    for (const value of values) this.addValue(value);
  }

  /** Mixes one 32-bit word into both lanes (multiply-rotate steps with distinct constants; lane
   *  b also takes in lane a, so the lanes never move in step). */
  private mix(word: number): void {
    const a = stepA(this.a, word);
    this.a = a;
    this.b = stepB(this.b, word, a);
  }
}

/** addWriteRecord's words, gathered before they are mixed (at most 10: three numbers of two words
 *  each, the name, the kind and the two tags). */
const recordWords = new Int32Array(10);

/** Puts a number's words (addNumber's) at `at`; returns where the next word goes. */
function putNumber(into: Int32Array, at: number, value: number): number {
  into[at] = firstWord(value);
  if ((value | 0) === value) return at + 1;
  into[at + 1] = secondWord(value);
  return at + 2;
}

/** Lane a after mixing in `word`. */
function stepA(a: number, word: number): number {
  return Math.imul(((a << 5) | (a >>> 27)) ^ word, 0x9e3779b1);
}

/** Lane b after mixing in `word`, given lane a's new value. */
function stepB(b: number, word: number, a: number): number {
  return Math.imul(((b << 7) | (b >>> 25)) ^ word, 0x85ebca77) ^ (a >>> 15);
}

/** A number's first word: the whole of a 32-bit integer; the low 32 bits of a larger safe
 *  integer; the low word of any other number's IEEE 754 encoding. */
function firstWord(value: number): number {
  if ((value | 0) === value) return value ^ tagInt;
  if (Number.isSafeInteger(value)) return (value >>> 0) ^ tagInt;
  float[0] = value;
  return words[low] ^ tagDouble;
}

/** A number's second word (none for a 32-bit integer): a safe integer's high bits, or the high
 *  word of the IEEE 754 encoding. */
function secondWord(value: number): number {
  if (Number.isSafeInteger(value)) return Math.floor(value / 4294967296) ^ tagHigh;
  float[0] = value;
  return words[1 - low] ^ tagDouble;
}

/** A string reduced to one word: FNV-1a over its UTF-16 code units, then its length. */
export function stringWord(text: string): number {
  let word = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) word = Math.imul(word ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(word ^ text.length, 0x01000193);
}

/** MurmurHash3's finaliser: every input bit reaches every output bit. */
function finish(word: number): number {
  let h = word ^ (word >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
