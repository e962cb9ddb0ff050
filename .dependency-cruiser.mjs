// The intended architecture as dependency-cruiser rules (docs/DESIGN.md, "The layering rule"):
// which room of sim/ may import which, no import cycles (type-only imports count: they tie the
// files together for the reader and the compiler alike), and a simulation core (engine, dsl,
// model) that reaches nothing outside the process. `npm run lint:graph` and the tidy test
// (test/tidy.test.ts) both check this file (scripts/lint/graph.ts); docs/development.md says why
// each rule exists and how to add a room.
//
// `sitsOn` is the only list of the graph: each room names the rooms it sits on, and may import
// those, everything below them, and itself — never a room beside it or above it. The names are
// folders of sim/ ("engine" is sim/engine/ with its subfolders), files at sim/'s top
// ("index.ts"), or folders beside sim/ ("scenarios/"). A room that is not in the map may import
// nothing of the project, so a new room gets its line here before its first import.
export const sitsOn = {
  // The discrete-event kernel: time, the event queue, seeded randomness. Knows no failover.
  engine: [],
  // Units and values scenario files write ("250ms", ranges), their parsing and messages.
  dsl: ["engine"],
  // The simulated cluster: nodes, network, detectors, controllers, clients, the kinds' registries.
  model: ["dsl"],
  // Scenario files: the DSL's types, the schema, resolution to the model's config, presets.
  scenario: ["model", "package-files.ts"],
  // Summary metrics, series and the timeline, computed from the trace.
  metrics: ["scenario"],
  // runScenario: a resolved scenario run to its result and trace.
  run: ["metrics"],
  // CSV, charts, report.html and `sim explain`'s story: what a run's result looks like on disk.
  report: ["run"],
  // `sim sweep`: grids of runs in worker threads, aggregates, trade-off charts.
  sweep: ["report"],
  // `sim check`: expectations over seeds.
  check: ["run"],
  // `sim fuzz`: drawn fault schedules, invariants, shrinking, the swarm.
  fuzz: ["run"],
  // `sim import`: other systems' configuration files read into scenario source, through
  // import/dsl.ts alone (the rule import-through-dsl below).
  import: ["scenario"],
  // The library's public entry point.
  "index.ts": ["check"],
  // The command line: every command, the only place that reads flags and sets exit codes.
  cli: ["sweep", "check", "fuzz", "import", "index.ts"],
  // Where the package's own files are, for the parts that load them at run time.
  "package-files.ts": [],
  // Build and lint tooling reads the source it checks.
  "scripts/": ["cli"],
};

/** Folders that import exactly what they name, nothing below it. */
export const importsOnly = {
  // Example scenarios import the package by its name only, as a user's scenario would.
  "scenarios/": ["index.ts"],
  // The `sim` command runs the built package (dist/, build output, not checked), rebuilt first
  // when stale (scripts/).
  "bin/": ["scripts/"],
};

/** Each room with every room it may import: those it sits on and everything below them. */
export const allowedImports = Object.fromEntries([
  ...Object.keys(sitsOn).map((room) => {
    const below = new Set();
    const visit = (name) => {
      for (const next of sitsOn[name] ?? [])
        if (!below.has(next)) {
          below.add(next);
          visit(next);
        }
    };
    visit(room);
    return [room, [...below]];
  }),
  ...Object.entries(importsOnly),
]);

/** Third-party packages the simulation core may use: pure computation, no I/O. */
export const corePackages = ["seedrandom", "zod", "fastest-levenshtein"];

/** Every kind of dependency on a package, in dependency-cruiser's words. */
const packageTypes = [
  "npm",
  "npm-dev",
  "npm-optional",
  "npm-peer",
  "npm-bundled",
  "npm-no-pkg",
  "npm-unknown",
];

/** The folders of the simulation core: no node: builtins, no package outside corePackages. */
const core = ["engine", "dsl", "model"];

/** A map name as a path pattern: "engine" is sim/engine/, "index.ts" sim/index.ts, "bin/" bin/. */
function pathOf(name) {
  const escaped = name.replace(/[.]/g, "\\.");
  if (name.endsWith("/")) return `^${escaped}`;
  return name.endsWith(".ts") ? `^sim/${escaped}$` : `^sim/${escaped}/`;
}

const allowedEdges = Object.entries(allowedImports).map(([from, targets]) => ({
  comment: `${from} may import ${[from, ...targets].join(", ")}`,
  from: { path: pathOf(from) },
  to: { path: [from, ...targets].map(pathOf) },
}));

/** @type {import("dependency-cruiser").IConfiguration} */
export default {
  forbidden: [
    {
      name: "no-cycle",
      comment: "Modules import each other: one of the two holds a concept the other needs.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-no-builtins",
      comment: "The simulation core does no I/O and reads no clock: node: builtins are the edge's.",
      severity: "error",
      from: { path: core.map(pathOf) },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "core-pure-packages",
      comment: `The simulation core uses only pure packages (${corePackages.join(", ")}).`,
      severity: "error",
      from: { path: core.map(pathOf) },
      to: {
        dependencyTypes: packageTypes,
        pathNot: corePackages.map((name) => `(^|/)node_modules/${name}/`),
      },
    },
    {
      name: "import-through-dsl",
      comment: "sim/import reads the scenario language only through import/dsl.ts.",
      severity: "error",
      from: { path: "^sim/import/", pathNot: "^sim/import/dsl\\.ts$" },
      to: { path: "^sim/", pathNot: "^sim/import/" },
    },
    {
      name: "import-dsl-public-entry",
      comment: "import/dsl.ts takes the scenario language from its public entry alone.",
      severity: "error",
      from: { path: "^sim/import/dsl\\.ts$" },
      to: { path: "^sim/", pathNot: ["^sim/import/", "^sim/scenario/index\\.ts$"] },
    },
    {
      name: "sim-no-dev-dependencies",
      comment: "The package runs without its devDependencies: sim/ imports none.",
      severity: "error",
      from: { path: "^sim/" },
      to: { dependencyTypes: ["npm-dev"] },
    },
    {
      name: "no-unresolvable",
      comment: "An import that names no file or package.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  allowed: [
    ...allowedEdges,
    {
      comment: "Packages and node: builtins (the core's are restricted above).",
      from: {},
      to: {
        dependencyTypes: [...packageTypes, "core"],
      },
    },
  ],
  allowedSeverity: "error",
  options: {
    tsPreCompilationDeps: true,
    preserveSymlinks: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: {
      path: ["node_modules", "^dist/"],
      dependencyTypes: packageTypes,
    },
    exclude: { path: "^dist/" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "types", "default"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: {
      archi: { collapsePattern: "^(sim/[^/]+|scenarios|bin|scripts)/" },
    },
  },
};
