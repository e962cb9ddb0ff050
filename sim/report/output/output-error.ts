// An output folder or file that cannot be written as asked: it holds files sim did not write,
// another process is writing it, it is not a folder, or the file system refused. Bad input to
// the CLI (exit 2); the message is the whole paragraph shown.
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputError";
  }
}
