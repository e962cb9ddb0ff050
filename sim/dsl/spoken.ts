// Durations as people say them in sentences (`sim explain`, the kinds' explanations): "10 ms",
// "3 s", "1.5 s", "45 s" — not the scenario text ("1.5s") that duration.ts reads and writes.

/** Whole microseconds as spoken: milliseconds under a second, else seconds, up to three decimals. */
export function spokenDuration(us: number): string {
  const magnitude = Math.abs(us);
  const sign = us < 0 ? "-" : "";
  if (magnitude > 0 && magnitude < 1_000_000) return `${sign}${trimDecimals(magnitude / 1000)} ms`;
  return `${sign}${trimDecimals(magnitude / 1e6)} s`;
}

function trimDecimals(value: number): string {
  return value.toFixed(3).replace(/\.?0+$/, "");
}
