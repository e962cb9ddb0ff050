// How metric values and times are written as text — the one place for it, shared by the CSV
// files, the summary table and expectation messages, so a value reads the same everywhere.
// Each metric names its format (its module in columns/): times in seconds with exactly 6
// decimals (whole microseconds, exact: formatted from an integer, never through float rounding
// of the decimal part); fractions (availabilities) with 6 decimals; counts as plain integers;
// plain decimals (standby_cost) with at most 6 decimals and no trailing zeros. A metric with no
// value (null) is written as the empty string (format-metric.ts).

/** How a metric's values are written. */
export type MetricFormat = "seconds" | "fraction" | "count" | "decimal";

/** Whole microseconds as seconds with 6 decimals: 1500 → "0.001500", -2 → "-0.000002". */
export function formatMicros(us: number): string {
  if (!Number.isSafeInteger(us))
    throw new Error(`time ${us} µs is not a whole number of microseconds`);
  const sign = us < 0 ? "-" : "";
  const magnitude = Math.abs(us);
  const whole = Math.floor(magnitude / 1_000_000);
  const fraction = magnitude % 1_000_000;
  return `${sign}${whole}.${String(fraction).padStart(6, "0")}`;
}

/** Seconds (a number of whole microseconds / 1e6) with 6 decimals. */
export function formatSeconds(seconds: number): string {
  return formatMicros(Math.round(seconds * 1e6));
}

/** A value of the metric `name` written in its format. */
export function formatValue(format: MetricFormat, value: number, name: string): string {
  switch (format) {
    case "seconds":
      return formatSeconds(value);
    case "fraction":
      return value.toFixed(6);
    case "decimal":
      return formatDecimal(value);
    case "count":
      if (!Number.isSafeInteger(value))
        throw new Error(`${name} should be a whole count, got ${value}`);
      return String(value);
  }
}

/** A plain decimal with at most 6 decimals and no trailing zeros: 2 → "2", 0.25 → "0.25". */
export function formatDecimal(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(6).replace(/\.?0+$/, "");
}
