#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time,
// and the most inclusive time, with their share of all samples. `node --cpu-prof` writes one file
// per thread (the main thread, and the module loader's thread when loader hooks are registered);
// each file given is summarised in turn. A position in a compiled file with a source map beside it
// (dist/, built with them) is shown as the source's: sim/model/monitor.ts:123. Usage:
//   node test/bench/profile-summary.mjs FILE.cpuprofile... [top=25]
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const files = args.filter((arg) => arg.endsWith(".cpuprofile"));
const topArg = args.find((arg) => !arg.endsWith(".cpuprofile"));
if (files.length === 0 || (topArg !== undefined && !(Number(topArg) > 0))) {
  console.error("usage: node test/bench/profile-summary.mjs FILE.cpuprofile... [top]");
  process.exit(2);
}
const top = Number(topArg ?? 25);
// Paths are shown relative to the project (or to node_modules).
const root = fileURLToPath(new URL("../../", import.meta.url));
const sourceMaps = new Map();

for (const file of files) summarise(file);

function summarise(file) {
  console.log(`\n${file}`);
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);

  // Sample counts per node; time deltas per sample.
  const selfUs = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i + 1] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

  const label = (node) => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const { path, line } = original(url.replace(/^file:\/\//, ""), lineNumber, columnNumber);
    const short = path.startsWith(root)
      ? path.slice(root.length)
      : path.replace(/^.*\/node_modules\//, "");
    return `${functionName || "(anonymous)"} ${short ? `${short}:${line + 1}` : ""}`.trim();
  };

  const self = new Map();
  const inclusive = new Map();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    self.set(label(node), (self.get(label(node)) ?? 0) + us);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at));
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }

  const show = (title, map) => {
    console.log(`\n${title} (total ${(total / 1e6).toFixed(2)} s)`);
    for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(
        `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1e6).toFixed(2).padStart(7)} s  ${name}`,
      );
    }
  };
  show("self time", self);
  show("inclusive time", inclusive);
}

/** The source position of a compiled one, through the source map beside the file (if any). */
function original(path, line, column) {
  if (!sourceMaps.has(path)) {
    const mapFile = `${path}.map`;
    sourceMaps.set(
      path,
      path.endsWith(".js") && existsSync(mapFile)
        ? new SourceMap(JSON.parse(readFileSync(mapFile, "utf8")))
        : null,
    );
  }
  const map = sourceMaps.get(path);
  const entry = map?.findEntry(line, column);
  if (entry?.originalSource === undefined) return { path, line };
  const source = entry.originalSource.replace(/^file:\/\//, "");
  return { path: resolve(dirname(path), source), line: entry.originalLine };
}
