#!/usr/bin/env node
// Entry point of the `sim` command: registers the TypeScript loader (scenario files and the
// simulator itself are TypeScript) and the scenario resolution hooks, then hands over to the CLI.
import { register } from "node:module";
import { register as registerTypeScript } from "tsx/esm/api";

registerTypeScript();
register("./scenario-hooks.js", import.meta.url);
const { main } = await import("../sim/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
