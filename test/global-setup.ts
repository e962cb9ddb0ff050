// Before any test: dist/ — what bin/sim.js runs, and so what every test that starts `sim` as a
// process runs — is rebuilt when it was not built from the sources as they are now
// (scripts/dist-state.js compares contents). A test can therefore never run a stale build of the
// code it tests. On a fresh clone `npm ci` has just built it, and nothing is done.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
// @ts-expect-error -- plain JavaScript without declarations (it runs before anything is compiled)
import { distIsBuilt } from "../scripts/dist-state.js";

const root = fileURLToPath(new URL("..", import.meta.url));

export default async function setup(): Promise<void> {
  if (await distIsBuilt(root)) return;
  process.stderr.write(
    "dist/ is not built from the current sources: building it (npm run build)\n",
  );
  execFileSync(process.execPath, ["scripts/build.js"], { cwd: root, stdio: "inherit" });
}
