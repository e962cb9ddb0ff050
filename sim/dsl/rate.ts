// Rates as users write them ("200/s", "30/m", "5/h"), read as events per second. A rate is a
// mean: whether arrivals are Poisson or evenly spaced is the client group's `arrivals` field.

export const rateUnits = ["s", "m", "h"] as const;
export type RateUnit = (typeof rateUnits)[number];

/** A rate such as "200/s", "30/m" or "5/h". */
export type Rate = `${number}/${RateUnit}`;

const secondsPerUnit: Record<RateUnit, number> = { s: 1, m: 60, h: 3600 };

export const rateExpectation = `a rate like "200/s", "30/m" or "5/h"`;

const ratePattern = /^(\d+(?:\.\d+)?) ?\/ ?(s|m|h)$/;

export type RateReading = { ok: true; perSecond: number } | { ok: false; expected: string };

/** Reads a rate without throwing; 0 is allowed (a group that sends nothing). */
export function readRate(text: unknown): RateReading {
  if (typeof text !== "string") return { ok: false, expected: rateExpectation };
  const match = ratePattern.exec(text);
  if (match === null) {
    const negative = /^\s*-/.test(text);
    return {
      ok: false,
      expected: negative ? `a rate that is not negative, like "200/s"` : rateExpectation,
    };
  }
  const [, count, unit] = match;
  return { ok: true, perSecond: Number(count) / secondsPerUnit[unit as RateUnit] };
}

/** Parses a rate to events per second; throws an Error saying what was expected. */
export function parseRate(text: string): number {
  const reading = readRate(text);
  if (!reading.ok) throw new Error(`expected ${reading.expected}, got ${JSON.stringify(text)}`);
  return reading.perSecond;
}

/** "unlimited" → Infinity; otherwise a rate per second. */
export function parseRateOrUnlimited(text: string): number {
  return text === "unlimited" ? Infinity : parseRate(text);
}
