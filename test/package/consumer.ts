// A stranger's project for the pack-and-install test: a fresh folder outside this repository
// with its own package.json (CommonJS by default: no "type": "module") that depends on the packed
// tarball. It is installed with `npm ci --offline`: its package-lock.json is made here from this
// repository's own — the package's production dependencies at exactly the versions `npm ci`
// installed (and so cached) here, plus the tarball — so the install needs no network and no
// registry metadata, and fails loudly if the package needs anything its package.json does not
// declare. The project approves esbuild's install script in allowScripts, as the README tells
// users of npm 11.16 and newer to do.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

interface LockEntry {
  version?: string;
  dev?: boolean;
  devOptional?: boolean;
  [field: string]: unknown;
}

interface Manifest {
  name: string;
  version: string;
  license: string;
  dependencies: Record<string, string>;
  bin: Record<string, string>;
  engines: Record<string, string>;
}

/** `npm pack` of the repository (dist/ must be built) into `dir`; returns the tarball's path. */
export function packInto(root: string, dir: string): string {
  const output = execFileSync(
    "npm",
    ["pack", "--ignore-scripts", "--json", "--pack-destination", dir],
    { cwd: root, encoding: "utf8" },
  );
  const [{ filename }] = JSON.parse(output) as { filename: string }[];
  return path.join(dir, filename);
}

/** Files of the consumer project, written into `dir` before the install. */
export type ProjectFiles = Record<string, string>;

/** Makes the consumer project in `dir` and installs the tarball there, offline. */
export function installConsumer(
  root: string,
  tarball: string,
  dir: string,
  files: ProjectFiles,
): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as Manifest;
  const tarballName = path.basename(tarball);
  fs.copyFileSync(tarball, path.join(dir, tarballName));
  const spec = `file:${tarballName}`;
  const project = {
    name: "consumer",
    version: "1.0.0",
    private: true,
    dependencies: { [manifest.name]: spec },
    allowScripts: { esbuild: true },
  };
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(project, null, 2)}\n`);
  fs.writeFileSync(
    path.join(dir, "package-lock.json"),
    `${JSON.stringify(consumerLock(root, manifest, project, tarball, spec), null, 2)}\n`,
  );
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return execFileSync("npm", ["ci", "--offline", "--no-audit", "--no-fund"], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function consumerLock(
  root: string,
  manifest: Manifest,
  project: { name: string; version: string; dependencies: Record<string, string> },
  tarball: string,
  spec: string,
): object {
  const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
    lockfileVersion: number;
    packages: Record<string, LockEntry>;
  };
  const packages: Record<string, LockEntry> = {
    "": { name: project.name, version: project.version, dependencies: project.dependencies },
    [`node_modules/${manifest.name}`]: {
      version: manifest.version,
      resolved: spec,
      integrity: `sha512-${createHash("sha512").update(fs.readFileSync(tarball)).digest("base64")}`,
      license: manifest.license,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  const registry = execFileSync("npm", ["config", "get", "registry"], { encoding: "utf8" })
    .trim()
    .replace(/\/?$/, "/");
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === "" || entry.dev === true || entry.devOptional === true) continue;
    // Where the tarball comes from, so that npm takes it from its cache by integrity and needs no
    // registry metadata (this repository's lock records none).
    const name = key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
    packages[key] = {
      resolved: `${registry}${name}/-/${name.split("/").pop()}-${entry.version}.tgz`,
      ...entry,
    };
  }
  return {
    name: project.name,
    version: project.version,
    lockfileVersion: lock.lockfileVersion,
    requires: true,
    packages,
  };
}
