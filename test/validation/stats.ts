// Sample statistics for the validation suite: the mean and the unbiased variance of a sample,
// and the standard errors of both. The standard error of a sample variance s² is
// sqrt(Var(s²)) with Var(s²) = μ4/n − σ⁴(n − 3)/(n(n − 1)) (the exact result for independent
// draws); from data, μ4 and σ⁴ are estimated by the sample's fourth central moment and s⁴.

export interface SampleSummary {
  n: number;
  mean: number;
  /** Unbiased sample variance (n − 1). */
  variance: number;
  /** Standard error of the mean, from the sample: s / √n. */
  meanSe: number;
  /** Standard error of the sample variance, from the sample's fourth central moment. */
  varianceSe: number;
  min: number;
  max: number;
}

export function summarize(values: readonly number[]): SampleSummary {
  const n = values.length;
  if (n < 2) throw new Error(`a sample of at least 2 values is needed, got ${n}`);
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    const d2 = (value - mean) ** 2;
    m2 += d2;
    m4 += d2 * d2;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const variance = m2 / (n - 1);
  return {
    n,
    mean,
    variance,
    meanSe: Math.sqrt(variance / n),
    varianceSe: varianceSe(m4 / n, variance ** 2, n),
    min,
    max,
  };
}

/** Standard error of the sample variance of n independent draws with fourth central moment
 *  `mu4` and squared variance `sigma4`. */
export function varianceSe(mu4: number, sigma4: number, n: number): number {
  return Math.sqrt(Math.max(0, mu4 / n - (sigma4 * (n - 3)) / (n * (n - 1))));
}
