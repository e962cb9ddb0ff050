// Bad input to `sim fuzz` that is not about the scenario's own fields: an unknown invariant, a
// scenario too short to fuzz, an invariant the scenario cannot be judged by (no clients, no
// `expect`). The message is the whole paragraph shown; the CLI maps it to exit code 2, like its
// own InputError (this layer sits below the CLI and cannot import that class).
export class FuzzError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FuzzError";
  }
}
