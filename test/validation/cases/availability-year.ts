// Case 5 — a year of random crashes, as the shipped scenario scenarios/availability-year.ts
// draws them (chaos: crashes at exponential times, repairs after exponential times), with MTBF
// 72 h (more failures than the scenario's 720 h, for a tighter check) and MTTR 2 h.
//
// Closed form: the downtime share of an alternating renewal process, U = MTTR / (MTBF + MTTR)
// = 2 / 74 ≈ 0.0270. With exponential up (a) and down (b) times over a horizon T its variance is
// ≈ 2a²b² / ((a + b)³ T): a = 72 h, b = 2 h, T = 8,760 h give sd ≈ 0.0034 per year, so the SE
// of the mean over n years is 0.0034 / √n (from theory). Each repair also waits for the next
// 60 s probe to rejoin: about +1 % of U, well inside the band.
import availabilityYear from "../../../scenarios/availability-year.ts";
import { estimate, sigmasBySize, type Check, type ValidationCase } from "../check.ts";
import { simulate } from "../kit.ts";

const mtbfH = 72;
const mttrH = 2;
const yearS = 365 * 86_400;
const sizes = { short: { years: 1 }, full: { years: 10 } } as const;

export const availabilityYearCase: ValidationCase = {
  id: "availability-year",
  run(size, { overrides }): Check[] {
    const { years } = sizes[size];
    let downtimeS = 0;
    for (let seed = 1; seed <= years; seed++) {
      downtimeS += simulate(availabilityYear, seed, [`chaos.crash.mtbf=${mtbfH}h`, ...overrides])
        .metrics.downtime_s!;
    }
    const a = mtbfH;
    const b = mttrH;
    const sdPerYear = Math.sqrt((2 * a * a * b * b) / ((a + b) ** 3 * (yearS / 3600)));
    return [
      estimate({
        caseName: "5 a year of random crashes (scenarios/availability-year.ts)",
        quantity: "unavailability",
        model: `chaos crashes, Exp up (MTBF ${mtbfH} h), Exp repair (MTTR ${mttrH} h), one year per seed`,
        closedForm: "MTTR / (MTBF + MTTR)",
        sample: `${years} year${years === 1 ? "" : "s"}`,
        expected: mttrH / (mtbfH + mttrH),
        simulated: downtimeS / (years * yearS),
        se: sdPerYear / Math.sqrt(years),
        seSource: "theory",
        sigmas: sigmasBySize[size],
      }),
    ];
  },
};
