// Writing outputs whole: a report folder replaced at once under a lock, a single file replaced
// by a rename, and the operations both use (countable, for the kill tests).
export { observe, realOps, type FileOps, type OpObserver } from "./file-ops.ts";
export { OutputError } from "./output-error.ts";
export { OutputFolder, type OpenOptions, type OutputFile } from "./output-folder.ts";
export { replaceFile } from "./output-file.ts";
export { partialPath, targetOf } from "./siblings.ts";
