// Module hooks for scenario files, registered (module.register) before a scenario is imported,
// with `data.entry`, the URL of the package entry in use (dist/index.js, or sim/index.ts when the
// TypeScript sources run):
// - `import … from "failover-sim"` resolves to that entry from any folder, so a scenario may
//   live anywhere, not only inside a project that installed failover-sim, and shares the module
//   instances of the simulator that runs it;
// - a .ts file outside node_modules loads as an ES module even when the nearest package.json
//   does not say "type": "module" (scenario files use import/export).
let entry;

export function initialize(data) {
  entry = data.entry;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "failover-sim") return { url: entry, format: "module", shortCircuit: true };
  const resolved = await nextResolve(specifier, context);
  if (
    resolved.url.startsWith("file:") &&
    resolved.url.endsWith(".ts") &&
    !resolved.url.includes("/node_modules/")
  ) {
    return { ...resolved, format: "module" };
  }
  return resolved;
}
