// Times as a person reads them — the one format for everything written for people (`sim
// explain`, report.html, chart labels, the kinds' explanations, sweep sentences): "850 ms",
// "2.04 s", "12.4 s", "3 min 05 s", "2 h 10 min", "3 d 04 h". About three significant figures
// below a minute, then two units, the second padded to two digits and left out when zero. The
// scenario text ("1.5s") is duration.ts's; CSV files keep seconds with six decimals (format.ts).
// Rounding is half up on whole microseconds, in integer arithmetic where it matters.
// Counts are written with thousands separators ("12,345": groupThousands).

const msUs = 1000;
const secondUs = 1_000_000;
const minuteUs = 60 * secondUs;
const hourUs = 60 * minuteUs;
const dayUs = 24 * hourUs;

/** One rung: times below `belowUs` (after rounding to `stepUs`) are written by `text`. */
interface Rung {
  belowUs: number;
  stepUs: number;
  text(roundedUs: number): string;
}

const two = (n: number) => String(n).padStart(2, "0");
const decimals = (value: number, places: number) =>
  value.toFixed(places).replace(/\.?0+$/, "") || "0";
const pair = (whole: number, rest: number, unit: string, restUnit: string) =>
  rest === 0 ? `${whole} ${unit}` : `${whole} ${unit} ${two(rest)} ${restUnit}`;

const rungs: readonly Rung[] = [
  { belowUs: 10 * msUs, stepUs: 1, text: (us) => `${decimals(us / msUs, 3)} ms` },
  { belowUs: secondUs, stepUs: msUs, text: (us) => `${us / msUs} ms` },
  { belowUs: 10 * secondUs, stepUs: 10 * msUs, text: (us) => `${decimals(us / secondUs, 2)} s` },
  { belowUs: minuteUs, stepUs: 100 * msUs, text: (us) => `${decimals(us / secondUs, 1)} s` },
  {
    belowUs: hourUs,
    stepUs: secondUs,
    text: (us) => pair(Math.floor(us / minuteUs), (us % minuteUs) / secondUs, "min", "s"),
  },
  {
    belowUs: dayUs,
    stepUs: minuteUs,
    text: (us) => pair(Math.floor(us / hourUs), (us % hourUs) / minuteUs, "h", "min"),
  },
  {
    belowUs: Infinity,
    stepUs: hourUs,
    text: (us) => pair(Math.floor(us / dayUs), (us % dayUs) / hourUs, "d", "h"),
  },
];

/** A time (whole microseconds; a duration or a moment since the start) in the human style. */
export function spokenDuration(us: number): string {
  if (us === 0) return "0 s";
  const sign = us < 0 ? "-" : "";
  const magnitude = Math.abs(us);
  for (const rung of rungs) {
    const rounded = Math.round(magnitude / rung.stepUs) * rung.stepUs;
    if (rounded < rung.belowUs) return `${sign}${rung.text(rounded)}`;
  }
  throw new Error(`unreachable: ${us} µs has no rung`);
}

/** The same, for a number of seconds (a metric value). */
export function spokenSeconds(seconds: number): string {
  return spokenDuration(Math.round(seconds * secondUs));
}

/** A count with thousands separators ("1,234,567"), as toLocaleString("en-US") writes a whole
 *  number, without loading the locale data for it (about 30 ms on first use, at start-up). The
 *  one grouping of counts: report.html, `sim explain`, chart labels, limit messages. Anything but
 *  a safe integer goes to toLocaleString. */
export function groupThousands(value: number): string {
  if (!Number.isSafeInteger(value)) return value.toLocaleString("en-US");
  const digits = String(Math.abs(value));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let at = grouped.length; at < digits.length; at += 3)
    grouped += `,${digits.slice(at, at + 3)}`;
  return value < 0 ? `-${grouped}` : grouped;
}
