#!/usr/bin/env node
// Entry point of the `sim` command: registers the TypeScript loader (scenario files and the
// simulator itself are TypeScript), then hands over to the CLI.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../sim/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
