// A child process of the layers rows (layers-section.ts): one run of a scenario file in one mode
// (layers.ts), printed as JSON on stdout. A fresh process per run, so that no mode's compiled
// code or garbage is left for the next. Usage: node --import tsx layers-child.ts FILE MODE
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { layerModes, runLayers, type LayerMode } from "./layers.ts";

const [file, mode] = process.argv.slice(2);
if (file === undefined || !layerModes.includes(mode as LayerMode)) {
  console.error(`usage: layers-child.ts FILE MODE (MODE: ${layerModes.join(", ")})`);
  process.exit(2);
}
const module = (await import(pathToFileURL(path.resolve(file)).href)) as { default: unknown };
const { metrics: _metrics, ...run } = runLayers(module.default, mode as LayerMode, file);
console.log(JSON.stringify(run));
