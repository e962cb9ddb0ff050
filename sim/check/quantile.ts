// The quantile a scenario's `expect` means by `{ max: 30, quantile: 0.95 }` over the seeds of a
// check: the nearest-rank quantile — sort the n values ascending; the q-quantile is the value of
// rank ⌈q·n⌉ (1-based). It is always one of the values seen (no interpolation), q = 1 is the
// maximum, and with 20 seeds p95 is the 19th smallest, so one seed in 20 may exceed the bound.
// q·n is rounded to 12 significant digits first, so that 0.07 × 100 counts as 7, not 7.000000000000001.

/** The 1-based rank of the q-quantile among `count` sorted values (0 < q ≤ 1, count ≥ 1). */
export function nearestRank(count: number, quantile: number): number {
  if (!Number.isSafeInteger(count) || count < 1)
    throw new RangeError(`nearestRank: expected at least one value, got ${count}`);
  if (!(quantile > 0 && quantile <= 1))
    throw new RangeError(`nearestRank: expected a quantile in (0, 1], got ${quantile}`);
  const product = Number((quantile * count).toPrecision(12));
  return Math.min(count, Math.max(1, Math.ceil(product)));
}

/** The nearest-rank q-quantile of `values` and its 0-based position in them, so a caller can say
 *  which seed it came from (equal values rank in their given order). */
export function nearestRankQuantile(
  values: readonly number[],
  quantile: number,
): { value: number; index: number } {
  const order = values.map((_, index) => index).sort((a, b) => values[a] - values[b] || a - b);
  const index = order[nearestRank(values.length, quantile) - 1];
  return { value: values[index], index };
}
