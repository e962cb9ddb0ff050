// Bad input to a sweep or a merge that is not about the scenario itself: a bad --seeds,
// --shard or folder, shards that do not fit together, a partial sweep that belongs to another
// sweep. The message is the whole paragraph shown to the user; the CLI maps it to exit code 2,
// like its own InputError (this layer sits below the CLI and cannot import that class).
export class SweepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SweepError";
  }
}
