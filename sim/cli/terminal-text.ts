// Text from a scenario (a summary, a name, a check's message) reaches the terminal through the
// CLI's output: any control character in it is shown as a visible escape ("\x1b"), so a file
// cannot move the cursor, recolour, retitle or clear the user's terminal, nor hide text behind
// bidirectional overrides. Newlines and tabs are kept: the CLI lays out its own output with them.
// The CLI itself prints no escape sequences (progress bars write to the terminal directly).
import type { CliIo } from "./io.ts";

// C0 controls but tab and newline, DEL, C1 controls, and Unicode's bidirectional controls.
const unsafe =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(unsafe, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** The same output, made safe for a terminal. */
export function safeIo(io: CliIo): CliIo {
  return { out: (text) => io.out(terminalSafe(text)), err: (text) => io.err(terminalSafe(text)) };
}
