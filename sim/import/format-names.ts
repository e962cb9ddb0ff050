// The names of the configuration formats `sim import` reads, light enough for the command line to
// offer them as --format's choices without loading the readers. The registry (formats.ts) must
// have a reader for each: a name without one is a type error.
export const formatNames = ["patroni", "sentinel", "kubernetes", "haproxy"] as const;

export type FormatName = (typeof formatNames)[number];
