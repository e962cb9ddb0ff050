// Durations as a reproducer or a drawn scenario shows them: whole minutes or hours when they
// are ("2m", "1h"), else seconds ("102s", "16.007s", not "1.7m"), milliseconds under a second
// ("250ms"). A time that is not whole milliseconds falls back to formatDuration's shortest exact
// text. Always parses back to the same microseconds.
import { formatDuration, type Duration } from "./duration.ts";

const secondUs = 1_000_000;
const minuteUs = 60 * secondUs;
const hourUs = 60 * minuteUs;

export function durationText(us: number): Duration {
  if (us === 0) return "0s";
  if (us % 1000 !== 0) return formatDuration(us) as Duration;
  if (us % hourUs === 0) return `${us / hourUs}h`;
  if (us % minuteUs === 0) return `${us / minuteUs}m`;
  if (us < secondUs) return `${us / 1000}ms`;
  return `${Number((us / secondUs).toFixed(3))}s`;
}
