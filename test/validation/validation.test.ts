// The short validation inside `npm test`: every case of test/validation/cases at its "short" size
// (a few seconds in all), compared with its closed form within 5 standard errors; the table is
// printed. `npm run validate` runs the full size (minutes, 4 SE). Derivations: README.md here.
import { describe, expect, it } from "vitest";
import { cases, formatChecks } from "./run.ts";

describe("the simulator agrees with reliability and queueing theory (short validation)", () => {
  for (const validationCase of cases) {
    it(validationCase.id, () => {
      const checks = validationCase.run("short", { overrides: [] });
      console.log(formatChecks(checks));
      expect(
        checks
          .filter((check) => !check.pass)
          .map((check) => `${check.caseName}: ${check.quantity}`),
      ).toEqual([]);
    });
  }
});
