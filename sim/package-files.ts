// Where the package's own files are, for the few modules that open one (package.json, the
// module hooks in bin/, the package entry, the sweep worker): found from the asking module's
// URL by walking up to the folder whose package.json is failover-sim's. That is the repository
// when the TypeScript sources run, the installed package when dist/ does — whichever bundle chunk
// the code ended up in. `runningCompiled` says which of the two it is.
// Nothing here runs at import time, so a bundle that never calls it carries no import.meta.
import { existsSync, readFileSync } from "node:fs";

let root: URL | undefined;

/** True when this code runs from dist/ (JavaScript), false when from the TypeScript sources. */
export function runningCompiled(): boolean {
  return import.meta.url.endsWith(".js");
}

/** The package's root folder, as a file URL ending in "/". */
export function packageRoot(): URL {
  if (root !== undefined) return root;
  for (let folder = new URL(".", import.meta.url); ; folder = new URL("..", folder)) {
    const manifest = new URL("package.json", folder);
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "failover-sim"
    )
      return (root = folder);
    if (new URL("..", folder).href === folder.href)
      throw new Error(`failover-sim's package.json was not found above ${import.meta.url}`);
  }
}

/** A file of the package, by its path from the root: packageFile("bin/scenario-hooks.js"). */
export function packageFile(path: string): URL {
  return new URL(path, packageRoot());
}

/** The package entry that `import … from "failover-sim"` means to the code that runs now. */
export function packageEntry(): URL {
  return packageFile(runningCompiled() ? "dist/index.js" : "sim/index.ts");
}

/** The package's version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(packageFile("package.json"), "utf8")) as { version: string })
    .version;
}
