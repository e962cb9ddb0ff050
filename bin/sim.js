#!/usr/bin/env node
// Entry point of the `sim` command: the compiled CLI in dist/. Nothing but the CLI's own modules
// loads here; the TypeScript loader comes only when a .ts scenario is imported.
// In a clone of the repository, where the TypeScript sources sit beside dist/, a dist/ that is
// missing or older than the sources is never run: the sources run through tsx instead (slower to
// start) and a note on stderr says how to rebuild, so a change to sim/ is never tested stale.
import { existsSync } from "node:fs";

const sources = new URL("../sim/cli/main.ts", import.meta.url);
const { main } =
  existsSync(sources) && !(await builtFromSources())
    ? await sourceCli()
    : await import("../dist/cli/main.js");
process.exitCode = await main(process.argv.slice(2));

async function builtFromSources() {
  const { simulatorIsBuilt } = await import("../scripts/dist-state.js");
  const { fileURLToPath } = await import("node:url");
  return simulatorIsBuilt(fileURLToPath(new URL("..", import.meta.url)));
}

async function sourceCli() {
  const [{ register }, { register: registerTypeScript }] = await Promise.all([
    import("node:module"),
    import("tsx/esm/api"),
  ]);
  registerTypeScript();
  register("./scenario-hooks.js", import.meta.url, {
    data: { entry: new URL("../sim/index.ts", import.meta.url).href },
  });
  process.stderr.write(
    "note: dist/ is missing or older than sim/; running the TypeScript sources (slower to start). `npm run build` compiles them.\n",
  );
  return import(sources.href);
}
