// Durations as users write them ("250ms", "1.5s", "2d") and as the model uses them (whole
// microseconds). Parsing happens once, here, at the edge. Decimal text is turned into
// microseconds with integer (BigInt) arithmetic so "0.1s" is exactly 100000 µs, never
// 99999.99…; a result finer than a microsecond is rounded to the nearest one (half up).

export const durationUnits = ["us", "ms", "s", "m", "h", "d"] as const;
export type DurationUnit = (typeof durationUnits)[number];

/** A duration such as "250ms", "3s", "5m", "1h", "2d" (units: us, ms, s, m, h, d). */
export type Duration = `${number}${DurationUnit}`;

/** Microseconds per unit. */
const usPerUnit: Record<DurationUnit, bigint> = {
  us: 1n,
  ms: 1_000n,
  s: 1_000_000n,
  m: 60_000_000n,
  h: 3_600_000_000n,
  d: 86_400_000_000n,
};

/** What a bad duration is told it should look like; reused in every error message. */
export const durationExpectation = `a duration like "250ms", "3s", "5m" (units: ${durationUnits.join(", ")})`;

// Digits with an optional decimal part, at most one space, then a unit. No sign: a negative
// duration is always a mistake, and "-3s" gets its own message below.
const durationPattern = /^(\d+)(?:\.(\d+))? ?(us|ms|s|m|h|d)$/;

export type DurationReading = { ok: true; us: number } | { ok: false; expected: string };

/** Reads a duration without throwing; `expected` says what the text should have looked like. */
export function readDuration(text: unknown): DurationReading {
  if (typeof text !== "string") return { ok: false, expected: durationExpectation };
  const match = durationPattern.exec(text);
  if (match === null) {
    const negative = /^\s*-/.test(text);
    return {
      ok: false,
      expected: negative ? `a duration that is not negative, like "3s"` : durationExpectation,
    };
  }
  const [, whole, fraction = "", unit] = match;
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt(whole + fraction) * usPerUnit[unit as DurationUnit];
  const us = (scaled * 2n + scale) / (2n * scale); // round half up
  if (us > BigInt(Number.MAX_SAFE_INTEGER)) {
    return {
      ok: false,
      expected: `a duration small enough to count in microseconds (at most about 285 years)`,
    };
  }
  return { ok: true, us: Number(us) };
}

/** Parses a duration to whole microseconds; throws an Error saying what was expected. */
export function parseDuration(text: string): number {
  const reading = readDuration(text);
  if (!reading.ok) throw new Error(`expected ${reading.expected}, got ${JSON.stringify(text)}`);
  return reading.us;
}

// Largest unit first, so the text is as short as possible.
const unitsLargestFirst = [...durationUnits].reverse();

/**
 * A compact text for a duration in microseconds that parses back to the same value:
 * 600000000 → "10m", 1500000 → "1.5s", 1234567 → "1234.567ms", 0 → "0s".
 * Uses the largest unit that shows the value exactly with at most three decimals.
 */
export function formatDuration(us: number): string {
  if (!Number.isSafeInteger(us))
    throw new RangeError(`formatDuration: expected whole microseconds, got ${us}`);
  if (us === 0) return "0s";
  const sign = us < 0 ? "-" : "";
  const magnitude = BigInt(Math.abs(us));
  for (const unit of unitsLargestFirst) {
    const perUnit = usPerUnit[unit];
    if (magnitude < perUnit && unit !== "us") continue;
    const thousandths = perUnit >= 1000n ? perUnit / 1000n : 1n;
    if (magnitude % thousandths !== 0n) continue;
    return `${sign}${decimalText(magnitude, perUnit)}${unit}`;
  }
  return `${sign}${magnitude}us`;
}

function decimalText(magnitude: bigint, perUnit: bigint): string {
  const whole = magnitude / perUnit;
  const rest = magnitude % perUnit;
  if (rest === 0n) return whole.toString();
  const thousandths = (rest * 1000n) / perUnit;
  return `${whole}.${thousandths.toString().padStart(3, "0").replace(/0+$/, "")}`;
}

/** "unlimited" → Infinity; otherwise a duration in µs. */
export function parseDurationOrUnlimited(text: string): number {
  return text === "unlimited" ? Infinity : parseDuration(text);
}
