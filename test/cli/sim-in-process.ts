// The `sim` command line run in this process, as the CLI tests use it: main() with the
// arguments, and what it wrote to stdout and stderr.
import { main } from "../../sim/cli/main.ts";

export async function sim(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
  });
  return { code, out, err };
}
