// A `--vary` range, `lo..hi/step`, expanded into the value texts it stands for: lo, lo + step,
// lo + 2·step, … up to and including hi (a step that does not land on hi stops below it).
// Either all three ends are durations (`1s..30s/1s`, any unit) or all three are plain decimal
// numbers (`0..1/0.1`). Arithmetic is on integers — microseconds, or decimals scaled to the
// finest of the three — so `0..1/0.1` gives exactly 0, 0.1, …, 1, never 0.30000000000000004.
// Values are written back in the unit of `lo` when that is exact ("1s".."30s"; "500ms".."2000ms"),
// so the texts read like what the user typed. Problems are described, not thrown: the caller
// (vary.ts) turns them into one error naming the flag.
import { parseDuration, readDuration } from "../scenario/index.ts";

/** At most this many values in one range: a sweep is a grid of runs, each maybe a second long. */
export const maxRangeValues = 1000;

export type RangeReading = { ok: true; values: string[] } | { ok: false; expected: string };

const rangePattern = /^(.+)\.\.(.+)\/(.+)$/;
const numberPattern = /^(-?)(\d*)(?:\.(\d+))?$/;

/** True when the text has the shape of a range (`..` in it), whether or not it is a valid one. */
export function looksLikeRange(text: string): boolean {
  return text.includes("..");
}

export function expandRange(text: string): RangeReading {
  const match = rangePattern.exec(text);
  if (match === null)
    return { ok: false, expected: `a range lo..hi/step, like 1s..30s/1s or 0..1/0.1` };
  const [lo, hi, step] = match.slice(1).map((part) => part.trim());
  const durations = [lo, hi, step].map(readDuration);
  if (durations.every((reading) => reading.ok)) {
    const [loUs, hiUs, stepUs] = durations.map((reading) => (reading.ok ? reading.us : 0));
    const unit = unitOf(lo);
    return steps(BigInt(loUs), BigInt(hiUs), BigInt(stepUs), (us) => durationText(us, unit));
  }
  const numbers = [lo, hi, step].map(readDecimal);
  if (numbers.every((reading) => reading !== undefined)) {
    const scale = Math.max(...numbers.map((reading) => reading!.decimals));
    const [loN, hiN, stepN] = numbers.map(
      (reading) => reading!.units * 10n ** BigInt(scale - reading!.decimals),
    );
    return steps(loN, hiN, stepN, (units) => decimalText(units, scale));
  }
  return {
    ok: false,
    expected: `lo, hi and step of one kind — three durations (1s..30s/1s) or three numbers (0..1/0.1)`,
  };
}

function steps(
  lo: bigint,
  hi: bigint,
  step: bigint,
  format: (value: bigint) => string,
): RangeReading {
  if (step <= 0n) return { ok: false, expected: `a step greater than 0` };
  if (lo > hi) return { ok: false, expected: `a range that is not empty (lo at most hi)` };
  const count = (hi - lo) / step + 1n;
  if (count > BigInt(maxRangeValues)) {
    return {
      ok: false,
      expected: `a range of at most ${maxRangeValues} values (this one has ${count}; use a larger step)`,
    };
  }
  const values: string[] = [];
  for (let value = lo; value <= hi; value += step) values.push(format(value));
  return { ok: true, values };
}

/** "-1.25" → { units: -125n, decimals: 2 }; undefined when not a plain decimal number. */
function readDecimal(text: string): { units: bigint; decimals: number } | undefined {
  const match = numberPattern.exec(text);
  if (match === null) return undefined;
  const [, sign, whole, fraction = ""] = match;
  if (whole === "" && fraction === "") return undefined;
  const magnitude = BigInt(`${whole || "0"}${fraction}`);
  return { units: sign === "-" ? -magnitude : magnitude, decimals: fraction.length };
}

/** Scaled integer → shortest decimal text: (150n, 2) → "1.5", (-0n, 1) → "0". */
function decimalText(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  const text = fraction === "" ? whole : `${whole}.${fraction}`;
  return negative ? `-${text}` : text;
}

function unitOf(durationText: string): string {
  return /[a-z]+$/.exec(durationText)![0];
}

/** Microseconds in `unit` with up to three decimals ("1.25s"); in microseconds when not exact. */
function durationText(us: bigint, unit: string): string {
  const perUnit = BigInt(parseDuration(`1${unit}`));
  const thousandth = perUnit >= 1000n ? perUnit / 1000n : 1n;
  if (us % thousandth !== 0n) return `${us}us`;
  return `${decimalText((us * 1000n) / perUnit, 3)}${unit}`;
}
