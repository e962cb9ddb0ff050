// Sweeps: a scenario over a grid of parameter values × seeds on worker threads, its statistics,
// paired comparisons, trade-off charts, shards and their merge, and resuming. Above the report
// layer (it writes files through it) and below the CLI.
export { parseVary, checkDistinctPaths, type Vary } from "./vary.ts";
export { expandRange, maxRangeValues } from "./range.ts";
export {
  buildGrid,
  jobAt,
  jobCount,
  jobIndexOf,
  pointOverrides,
  pointValues,
  parseSeedCount,
  parseSeedList,
  seedRange,
  type Grid,
  type Job,
} from "./grid.ts";
export { checkGrid } from "./grid-check.ts";
export { parseShard, inShard, shardJobs, shardText, wholeSweep, type Shard } from "./shard.ts";
export {
  buildManifest,
  manifestJson,
  parseManifest,
  sameSweep,
  type Manifest,
} from "./manifest.ts";
export {
  describe as describeValues,
  meanInterval,
  quantile,
  confidenceLevel,
  type Statistics,
} from "./statistics.ts";
export { studentTQuantile } from "./student-t.ts";
export { aggregate, aggregateCsv, formatStatistic, type PointStatistics } from "./aggregate.ts";
export { pairedComparisons, pairedCsv, type PairedComparison } from "./paired.ts";
export { runsCsv, readRunsCsv, type SweepRow } from "./runs-table.ts";
export {
  runSweep,
  startPool,
  type SweepPlan,
  type SweepHooks,
  type SweepRun,
} from "./run-sweep.ts";
export { WorkerPool, WorkerFailure } from "./worker-pool.ts";
export { PartialRuns, partialFileOf } from "./partial.ts";
export { sweepFiles, sweepReportNames, type SweepOutput } from "./sweep-files.ts";
export { mergeShards, type MergedSweep } from "./merge.ts";
export { pairedSentences, summaryTable, tableText } from "./sweep-summary.ts";
export { SweepError } from "./sweep-error.ts";
