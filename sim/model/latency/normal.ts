// The standard normal distribution's CDF and quantile, which the lognormal kind is built on.
// Φ(x) = erfc(−x/√2)/2 with the complementary error function of Numerical Recipes (Press et
// al., 2nd ed., §6.2, `erfcc`: a Chebyshev fit with fractional error below 1.2e-7 everywhere);
// Φ⁻¹(p) by Peter J. Acklam's rational approximation (relative error below 1.15e-9 over the
// whole range), the lower tail and the central region by their own rational functions. Both are
// far finer than any test of a sampled quantile here (5 standard errors of 10⁵ draws ≈ 1e-3).
// Hand-written: the libraries that have them are far larger than these few lines (stdlib's
// normal quantile alone installs 150 packages) or coarser (simple-statistics' probit).

/** Φ(x): the probability that a standard normal draw is at most x. */
export function normalCdf(x: number): number {
  return erfc(-x / Math.SQRT2) / 2;
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + z / 2);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(poly);
  return x >= 0 ? value : 2 - value;
}

const a = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
];
const b = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
];
const c = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const pLow = 0.02425;

/** Φ⁻¹(p): the standard normal quantile (−Infinity at 0, Infinity at 1). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < pLow) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - pLow) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** The lower tail's rational function of q = √(−2 ln p). */
function tail(q: number): number {
  return (
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
  );
}
