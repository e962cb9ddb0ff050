// Redis Sentinel: a sentinel.conf (`sentinel monitor <name> <ip> <port> <quorum>`,
// down-after-milliseconds, failover-timeout, parallel-syncs, …). Mechanics (redis/redis
// src/sentinel.c, sentinel.conf; redis.io Sentinel docs): each Sentinel pings the master every
// second — every down-after-milliseconds when that is shorter — and calls it down (SDOWN) after
// down-after-milliseconds without a valid reply; `quorum` Sentinels agreeing make it ODOWN; a
// Sentinel elected by a majority of all Sentinels promotes the best replica; having tried, a
// Sentinel waits 2 × failover-timeout before trying the same master again.
// Maps onto presets.redisSentinel (which folds the ODOWN poll, the election's random delay and
// the promotion into a 2 s promoteIn). Each Sentinel has its own file: how many run comes from
// --sentinels, else from the file's known-sentinel lines, else three are assumed; the replicas
// from known-replica lines, else two.
import {
  clientFields,
  expectations,
  faultOn,
  faultTiming,
  millisecondUs as ms,
  primaryStandbyNodes,
} from "../cluster.ts";
import { confLines } from "../conf-lines.ts";
import type { ConfigFile, ConfigFormat, ImportOptions } from "../config-format.ts";
import { formatDuration, parseDuration, presets } from "../dsl.ts";
import { ProblemList } from "../import-error.ts";
import {
  assumed,
  fromLine,
  noted,
  type Cited,
  type Fields,
  type Origin,
  type ScenarioPlan,
} from "../plan.ts";
import { clockText, durationText } from "../scenario-text.ts";
import { readSentinelLines, type LineValue, type SentinelConfig } from "./redis-sentinel-lines.ts";

/** A deployment assumed when the files do not say: three Sentinels (redis.io's smallest robust one), two replicas. */
const assumedSentinels = 3;
const assumedReplicas = 2;
/** SENTINEL_PING_PERIOD (redis/redis src/sentinel.c). */
const pingPeriodUs = 1000 * ms;

export const redisSentinel: ConfigFormat = {
  system: "Redis Sentinel",
  looksLike: "a Redis Sentinel conf (sentinel monitor <name> <ip> <port> <quorum>)",
  recognises: (text) => /^\s*sentinel\s+monitor\s/im.test(text),
  read: readSentinel,
};

function readSentinel(file: ConfigFile, options: ImportOptions): ScenarioPlan {
  const problems = new ProblemList(file.name);
  const config = readSentinelLines(
    confLines(file.text, { comments: "line-start" }, problems),
    problems,
  );
  const sentinels = sentinelCount(config, options);
  if (config.master !== null && config.master.quorum > sentinels.count) {
    const flag = options.sentinels === undefined ? "; with --sentinels N, say how many run" : "";
    problems.add(
      config.master.line.line,
      "sentinel monitor",
      `expected a quorum of at most the ${sentinels.count} Sentinels (${sentinels.why}), got ${config.master.quorum}: no failover could ever start${flag}`,
    );
  }
  problems.throwIfAny();
  return sentinelPlan(config, sentinels, file, options);
}

function sentinelCount(
  config: SentinelConfig,
  options: ImportOptions,
): { count: number; why: string } {
  if (options.sentinels !== undefined) return { count: options.sentinels, why: "--sentinels" };
  if (config.knownSentinels > 0)
    return {
      count: config.knownSentinels + 1,
      why: `this one and its ${config.knownSentinels} known-sentinel lines`,
    };
  return { count: assumedSentinels, why: "assumed" };
}

function sentinelPlan(
  config: SentinelConfig,
  sentinels: { count: number; why: string },
  file: ConfigFile,
  options: ImportOptions,
): ScenarioPlan {
  const preset = presets.redisSentinel();
  const master = config.master!;
  const downAfterUs =
    config.downAfterMs === null
      ? parseDuration(preset.detector?.timeout ?? "30s")
      : config.downAfterMs.value * ms;
  const failoverTimeoutUs =
    config.failoverTimeoutMs === null
      ? parseDuration(preset.failover?.blockFor ?? "6m") / 2
      : config.failoverTimeoutMs.value * ms;
  const pingUs = Math.min(pingPeriodUs, downAfterUs);
  const promoteUs = parseDuration(preset.standby?.promoteIn ?? "2s");
  const timing = faultTiming(pingUs, downAfterUs + promoteUs);
  const monitors = Array.from({ length: sentinels.count }, (_, index) => `sentinel${index + 1}`);
  const replicas = config.knownReplicas > 0 ? config.knownReplicas : assumedReplicas;
  const blockFor = formatDuration(2 * failoverTimeoutUs);
  const overrides = sentinelOverrides(config, { pingUs, downAfterUs, blockFor });
  const suspectUs = timing.roundBeforeUs + downAfterUs;
  return {
    system: "Redis Sentinel",
    source: file.name,
    name: options.name,
    summary: `Redis Sentinel as ${file.name} sets it up: the master crashes; ${sentinels.count} Sentinels call it down after ${durationText(downAfterUs)} and promote a replica.`,
    about: [
      `The model: presets.redisSentinel. The monitors are the Sentinels, a timeout detector each (down-after-milliseconds); failover.quorum is the ODOWN quorum; the model's acting controller, a monitor reaching a majority of them, stands for the Sentinel the majority elects. The ODOWN poll (up to 1 s), the election's random delay (up to 1 s) and SLAVEOF NO ONE are its 2 s promotion. Master ${master.name} is db1; its replicas db2 and on.`,
    ],
    nodes: primaryStandbyNodes({
      standbys: replicas,
      standbysOrigin:
        config.knownReplicas > 0
          ? { note: `${replicas} known-replica lines` }
          : { assumed: `${replicas} replicas (${file.name} has no known-replica lines)` },
      monitors,
      monitorsOrigin: sentinelsOrigin(sentinels),
    }),
    policy: { preset: "redisSentinel", overrides },
    fields: clientFields("a"),
    durationUs: timing.durationUs,
    fault: faultOn("db1", timing),
    story: [
      `The fault: db1, the master, crashes at a moment each seed draws between two pings (${clockText(timing.roundBeforeUs)} and ${clockText(timing.roundBeforeUs + pingUs)}); told here for the average case, halfway, at ${clockText(timing.atUs)}. Sentinel's mechanics with these values: each Sentinel calls db1 down down-after-milliseconds = ${durationText(downAfterUs)} after its last reply, at ${clockText(suspectUs)}, ${durationText(suspectUs - timing.atUs)} after the crash (${durationText(downAfterUs - pingUs)} to ${durationText(downAfterUs)} after a crash at any moment); ${master.quorum} of them agree and the elected one promotes db2, accepting writes ${durationText(promoteUs)} later. No new failover of this master for 2 × failover-timeout = ${blockFor}.`,
    ],
    expect: expectations(1, { earliestUs: downAfterUs - pingUs, latestUs: downAfterUs }, file.name),
    notModelled: config.notModelled,
    ignored: config.ignored,
  };
}

/** The policy's fields as the Sentinel file sets them, each with the line it came from. */
function sentinelOverrides(
  config: SentinelConfig,
  timing: { pingUs: number; downAfterUs: number; blockFor: string },
): Fields {
  const { pingUs, downAfterUs, blockFor } = timing;
  const master = config.master!;
  return {
    detector: {
      interval: noted(
        formatDuration(pingUs),
        downAfterUs < pingPeriodUs
          ? "Sentinel pings every down-after-milliseconds when that is under a second"
          : "Sentinel pings every second (SENTINEL_PING_PERIOD)",
      ),
      timeout: cite(
        config.downAfterMs,
        formatDuration(downAfterUs),
        "Sentinel's default down-after-milliseconds, 30000",
      ),
    },
    failover: {
      quorum: fromLine(master.quorum, master.line.line, master.line.text),
      blockFor: cite(
        config.failoverTimeoutMs,
        blockFor,
        "Sentinel's default failover-timeout, 180000",
        "2 × failover-timeout",
      ),
      flapWindow: cite(
        config.failoverTimeoutMs,
        blockFor,
        "Sentinel's default failover-timeout, 180000",
        "2 × failover-timeout",
      ),
    },
  };
}

/** Where the number of Sentinels came from. */
function sentinelsOrigin(sentinels: { count: number; why: string }): Origin {
  return sentinels.why === "assumed"
    ? {
        assumed: `${sentinels.count} Sentinels (each has its own file; say how many with --sentinels N)`,
      }
    : { note: `${sentinels.count} Sentinels: ${sentinels.why}` };
}

/** A value cited from its line (and how it was derived), or marked as Sentinel's default. */
function cite(
  setting: LineValue | null,
  value: Cited["value"],
  defaultWhy: string,
  derived = "",
): Cited {
  const how = derived === "" ? "" : ` (${derived})`;
  if (setting === null) return assumed(value, `${defaultWhy}${how} (presets.redisSentinel)`);
  const cited = fromLine(value, setting.line.line, setting.line.text);
  return derived === ""
    ? cited
    : { ...cited, origin: { line: setting.line.line, text: `${setting.line.text.trim()}${how}` } };
}
