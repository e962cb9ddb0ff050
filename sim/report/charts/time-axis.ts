// The time axis every run chart shares: simulated time from 0 to the end of the run, in a unit
// chosen from the run's length so tick labels stay short (seconds for a 10-minute run, days for
// a 400-day one), with the unit in the axis title. Times arrive as whole microseconds and are
// converted once, here; values are rounded to a microsecond of the unit's precision so the
// JSON specs stay small and identical on every machine.

export interface TimeUnit {
  /** As written in axis titles: "s", "min", "h", "d". */
  symbol: string;
  us: number;
}

const units: TimeUnit[] = [
  { symbol: "s", us: 1e6 },
  { symbol: "min", us: 60e6 },
  { symbol: "h", us: 3600e6 },
  { symbol: "d", us: 86_400e6 },
];

/** Switch to the next unit once ticks would pass ~1,200 of this one (20 min → minutes). */
const maxInUnit = 1200;

export class TimeAxis {
  readonly unit: TimeUnit;

  constructor(readonly endUs: number) {
    this.unit = units.find((unit) => endUs / unit.us <= maxInUnit) ?? units[units.length - 1];
  }

  /** A time in µs as a value in the axis unit. */
  at(us: number): number {
    return round(us / this.unit.us);
  }

  /** The x encoding's scale: the whole run, not rounded to nice ticks, so charts line up. */
  scale(): { domain: [number, number]; nice: false; zero: true } {
    return { domain: [0, this.at(this.endUs)], nice: false, zero: true };
  }

  title(): string {
    return `simulated time (${this.unit.symbol})`;
  }
}

/** Six decimals of the unit at most: exact for microseconds in seconds, and short. */
export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
