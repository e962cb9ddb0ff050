// Module hooks for scenario files, registered by bin/sim.js after the TypeScript loader:
// - `import … from "failover-sim"` resolves to this package from any folder, so a scenario may
//   live anywhere, not only inside a project that installed failover-sim;
// - a .ts file outside node_modules loads as an ES module even when the nearest package.json
//   does not say "type": "module" (scenario files use import/export).
const entry = new URL("../sim/index.ts", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "failover-sim") return { url: entry, format: "module", shortCircuit: true };
  const resolved = await nextResolve(specifier, context);
  if (resolved.url.startsWith("file:") && resolved.url.endsWith(".ts") && !resolved.url.includes("/node_modules/")) {
    return { ...resolved, format: "module" };
  }
  return resolved;
}
