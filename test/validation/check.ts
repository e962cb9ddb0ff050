// What a validation case returns: checks of a simulated statistic against its closed form.
// An estimate passes when |simulated − expected| ≤ sigmas × SE; the band is never tuned to the
// result — `sigmas` is fixed per size (sigmasBySize) and the SE comes from the sample or, where
// the closed form gives the whole distribution, from theory. A bounds check passes when every
// simulated value lies within bounds the derivation says are hard.

export type Size = "short" | "full";

/** Width of the tolerance band in standard errors. The short run inside `npm test` has fewer
 *  samples (so larger SEs) and a wider band: with 8 estimates, the chance that a correct
 *  simulator fails one by chance is ~5e-4 at 4 SE and ~5e-6 at 5 SE (normal tails). */
export const sigmasBySize: Record<Size, number> = { short: 5, full: 4 };

interface CheckBase {
  /** The case, e.g. "2 active-passive pair (warm)". */
  caseName: string;
  /** The statistic checked, e.g. "unavailability", "mean lost writes". */
  quantity: string;
  /** One line: the model's assumptions as configured. */
  model: string;
  /** The closed form, as a formula. */
  closedForm: string;
  /** Sample size, with its unit (e.g. "200 runs", "2,000 crashes"). */
  sample: string;
  pass: boolean;
}

export interface EstimateCheck extends CheckBase {
  kind: "estimate";
  expected: number;
  simulated: number;
  se: number;
  seSource: "sample" | "theory";
  sigmas: number;
}

export interface BoundsCheck extends CheckBase {
  kind: "bounds";
  lower: number;
  upper: number;
  min: number;
  max: number;
}

export type Check = EstimateCheck | BoundsCheck;

export interface CaseOptions {
  /** `path=value` overrides applied to every run of the case (a deliberate break, say), never
   *  to the closed form. */
  overrides: readonly string[];
}

export interface ValidationCase {
  /** Short id for `--case`, e.g. "single-node". */
  id: string;
  run(size: Size, options: CaseOptions): Check[];
}

export function estimate(fields: Omit<EstimateCheck, "kind" | "pass">): EstimateCheck {
  const pass = Math.abs(fields.simulated - fields.expected) <= fields.sigmas * fields.se;
  return { kind: "estimate", ...fields, pass };
}

export function bounds(fields: Omit<BoundsCheck, "kind" | "pass">): BoundsCheck {
  const pass = fields.min >= fields.lower && fields.max <= fields.upper;
  return { kind: "bounds", ...fields, pass };
}

/** Stops a case whose scenario did not behave as the derivation assumes (say, a crash that hit
 *  a node which was not the primary): a broken premise, not a statistical failure. */
export function assumption(ok: boolean, message: string): void {
  if (!ok) throw new Error(`validation assumption violated: ${message}`);
}
