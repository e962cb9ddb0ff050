// `npm run lint:graph`: the import graph against .dependency-cruiser.mjs (scripts/lint/graph.ts),
// each violation as dependency-cruiser reports it and the number of import cycles; exits 1 when
// anything is found.
import { join } from "node:path";
import { checkGraph } from "./lint/graph.ts";

const report = await checkGraph(join(import.meta.dirname, ".."));
process.stdout.write(report.text);
console.log(`import cycles (type-only imports included): ${report.cycles}`);
process.exitCode = report.violations.length === 0 ? 0 : 1;
