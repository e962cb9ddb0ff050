// `npm run lint:tidy`: the tidy contract (scripts/lint/contract.ts) over the project, one line per
// violation and a count per rule; exits 1 when anything is found.
import { join } from "node:path";
import { formatViolation, tidyViolations } from "./lint/contract.ts";

const root = join(import.meta.dirname, "..");
const violations = await tidyViolations(root);
for (const violation of violations) console.log(formatViolation(violation));
const byRule = new Map<string, number>();
for (const { rule } of violations) byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
const counts = [...byRule].map(([rule, count]) => `${count} ${rule}`).join(", ");
console.log(violations.length === 0 ? "tidy: no violations" : `tidy: ${counts}`);
process.exitCode = violations.length === 0 ? 0 : 1;
