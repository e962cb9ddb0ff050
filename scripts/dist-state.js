// Whether dist/ — the compiled package — was built from the sources as they are now. A build
// (scripts/build.js) records its inputs in dist/.build-stamp.json: each file's path, size and
// modification time (cheap to compare), for the simulator's inputs alone and for all of them, and
// a digest of all their contents. bin/sim.js, at every start in a clone of the repository,
// compares the simulator's list (a changed scenario does not make the CLI stale); the test setup
// compares contents, so a file that was only touched refreshes the stamp instead of forcing a
// build. Plain JavaScript with Node's built-ins only: it runs before anything is compiled. Not
// shipped in the package, which has no sources to compare with.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** What the compiled simulator (dist/ but dist/scenarios/) is made from, relative to the root. */
const simulatorInputs = [
  "sim",
  "tsconfig.json",
  "tsconfig.build.json",
  "package.json",
  "scripts/build.js",
  "scripts/dist-state.js",
];
/** Everything dist/ is made from. */
const allInputs = [...simulatorInputs, "scenarios", "tsconfig.scenarios.json"];
const stampFile = join("dist", ".build-stamp.json");
const builtEntry = join("dist", "cli", "main.js");

/** Every file of the inputs, relative to root, in a fixed order (folders walked recursively). */
function filesOf(root, inputs) {
  const files = [];
  const walk = (relative) => {
    const stats = statSync(join(root, relative), { throwIfNoEntry: false });
    if (stats === undefined) return;
    if (!stats.isDirectory()) return void files.push(relative);
    for (const name of readdirSync(join(root, relative)).sort()) walk(join(relative, name));
  };
  for (const input of inputs) walk(input);
  return files;
}

/** Each file's path, size and modification time, one line each: compared as it is, with no
 *  digest, because loading node:crypto would cost the CLI's start more than the comparison. */
function statList(root, files) {
  return files.map((file) => {
    const { size, mtimeMs } = statSync(join(root, file));
    return `${file}\t${size}\t${mtimeMs}`;
  });
}

async function contentDigest(root, files) {
  const { createHash } = await import("node:crypto");
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(`${file}\n`)
      .update(readFileSync(join(root, file)))
      .update("\n");
  return hash.digest("hex");
}

function readStamp(root) {
  if (!existsSync(join(root, builtEntry))) return null;
  try {
    return JSON.parse(readFileSync(join(root, stampFile), "utf8"));
  } catch {
    return null;
  }
}

/** Records what dist/ was just built from. */
export async function writeStamp(root) {
  const files = filesOf(root, allInputs);
  const stamp = {
    content: await contentDigest(root, files),
    all: statList(root, files),
    simulator: statList(root, filesOf(root, simulatorInputs)),
  };
  writeFileSync(join(root, stampFile), `${JSON.stringify(stamp, null, 2)}\n`);
}

/** Cheap check for the CLI: the compiled simulator matches the sources' sizes and times. */
export function simulatorIsBuilt(root) {
  const stamp = readStamp(root);
  return (
    stamp !== null && sameLines(stamp.simulator, statList(root, filesOf(root, simulatorInputs)))
  );
}

/** Thorough check of all of dist/: the contents match (a file that was only touched refreshes
 *  the stamp). */
export async function distIsBuilt(root) {
  const stamp = readStamp(root);
  if (stamp === null) return false;
  const files = filesOf(root, allInputs);
  if (sameLines(stamp.all, statList(root, files))) return true;
  if (stamp.content !== (await contentDigest(root, files))) return false;
  await writeStamp(root);
  return true;
}

function sameLines(recorded, current) {
  return (
    Array.isArray(recorded) &&
    recorded.length === current.length &&
    recorded.every((line, i) => line === current[i])
  );
}
