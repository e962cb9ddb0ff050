// Time buckets for the chart series: the run's span [0, horizon) cut into equal buckets whose
// width adapts to the run's length, so a chart series has at most `maxBuckets` points however
// long the run — memory and chart size stay independent of run length. Widths are "nice" (1 s,
// 2 s, 5 s, … 1 h, … 1 d, then whole days) so an axis title can name them ("per 5 s bucket").
// Assumption: 1 s is the finest width worth drawing — a per-second rate is what users read.

/** ~2,000 points: finer than a wide chart's pixels, small enough to embed in report.html. */
export const maxBuckets = 2000;

const secondUs = 1_000_000;
const dayUs = 86_400 * secondUs;
const niceWidthsS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
];

export class TimeBuckets {
  /** Width of every bucket, whole microseconds. */
  readonly widthUs: number;
  /** Number of buckets; the last one may reach past the horizon. */
  readonly count: number;

  constructor(
    /** End of the span covered; events later than this count in the last bucket. */
    readonly horizonUs: number,
    limit: number = maxBuckets,
  ) {
    if (!Number.isSafeInteger(horizonUs) || horizonUs <= 0)
      throw new Error(`bucket horizon must be > 0 µs, got ${horizonUs}`);
    if (!Number.isSafeInteger(limit) || limit < 1)
      throw new Error(`bucket limit must be a whole number ≥ 1, got ${limit}`);
    this.widthUs = bucketWidthUs(horizonUs, limit);
    this.count = Math.max(1, Math.ceil(horizonUs / this.widthUs));
  }

  /** The bucket holding time tUs; times outside [0, horizon) clamp to the first or last bucket. */
  indexOf(tUs: number): number {
    const index = Math.floor(tUs / this.widthUs);
    return index < 0 ? 0 : index >= this.count ? this.count - 1 : index;
  }

  startUs(index: number): number {
    return index * this.widthUs;
  }
}

/** The smallest nice width that covers the horizon in at most `limit` buckets. */
export function bucketWidthUs(horizonUs: number, limit: number = maxBuckets): number {
  for (const widthS of niceWidthsS) {
    const widthUs = widthS * secondUs;
    if (Math.ceil(horizonUs / widthUs) <= limit) return widthUs;
  }
  return Math.ceil(horizonUs / limit / dayUs) * dayUs;
}
