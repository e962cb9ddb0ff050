// How metric values and times are written as text — the one place for it, shared by the CSV
// files, the summary table and expectation messages, so a value reads the same everywhere.
// Rules: times in seconds with exactly 6 decimals (whole microseconds, exact: formatted from an
// integer, never through float rounding of the decimal part); availabilities with 6 decimals;
// counts as plain integers; standby_cost as a plain decimal (at most 6 decimals, no trailing
// zeros); a metric with no value (null) as the empty string.
import type { MetricColumn } from "../scenario/metric-names.ts";

/** Whole microseconds as seconds with 6 decimals: 1500 → "0.001500", -2 → "-0.000002". */
export function formatMicros(us: number): string {
  if (!Number.isSafeInteger(us)) throw new Error(`time ${us} µs is not a whole number of microseconds`);
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

/** A summary value as it appears in summary.csv. */
export function formatMetric(column: MetricColumn, value: number | null): string {
  if (value === null) return "";
  if (column.endsWith("_s")) return formatSeconds(value);
  if (column.endsWith("availability")) return value.toFixed(6);
  if (column === "standby_cost") return formatDecimal(value);
  if (!Number.isSafeInteger(value)) throw new Error(`${column} should be a whole count, got ${value}`);
  return String(value);
}

/** A plain decimal with at most 6 decimals and no trailing zeros: 2 → "2", 0.25 → "0.25". */
export function formatDecimal(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(6).replace(/\.?0+$/, "");
}
