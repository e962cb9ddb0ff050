// Patroni YAML: a member's configuration file (the DCS settings under bootstrap.dcs) or the
// cluster's dynamic configuration (`patronictl show-config`: ttl, loop_wait, … at the top).
// Mechanics (patroni/patroni patroni/ha.py, docs/dynamic_configuration.rst): the leader renews its
// key in the DCS every loop_wait; the key expires ttl after its last renewal and the healthiest
// replica within maximum_lag_on_failover takes it; a leader that cannot renew within
// retry_timeout demotes itself. Synchronous mode makes commits wait for synchronous_node_count
// standbys; unless strict, a leader whose synchronous standby is gone runs alone once Patroni
// drops it — at worst ttl later (docs/replication_modes.rst).
// Maps onto presets.patroni (lease detection, lease fencing), overriding what the file sets; the
// file is one member's and does not say how many there are: three are assumed.
import {
  clientFields,
  expectations,
  faultOn,
  faultTiming,
  primaryStandbyNodes,
  secondUs as second,
} from "../cluster.ts";
import type { ConfigFile, ConfigFormat, ImportOptions } from "../config-format.ts";
import { formatDuration } from "../dsl.ts";
import { ProblemList } from "../import-error.ts";
import { assumed, fromLine, noted, type Cited, type Fields, type ScenarioPlan } from "../plan.ts";
import { clockText, durationText } from "../scenario-text.ts";
import type { YamlFile } from "../yaml-tree.ts";
import { walLagText } from "./patroni-defaults.ts";
import { patroniSections } from "./patroni-sections.ts";
import type { PatroniSettings, Setting } from "./patroni-settings.ts";

/** Members assumed when the file does not say: a leader and two replicas. */
const assumedMembers = 3;
/** A hot replica's promotion (the model's default promoteIn, which presets.patroni keeps). */
const promoteUs = second;

export const patroni: ConfigFormat = {
  system: "Patroni",
  looksLike: "Patroni YAML (scope, bootstrap.dcs, postgresql, or ttl and loop_wait at the top)",
  recognises: (text) =>
    /^(scope|bootstrap|restapi|postgresql|watchdog|loop_wait|ttl|retry_timeout|maximum_lag_on_failover|synchronous_mode|etcd3?|consul|zookeeper)\s*:/m.test(
      text,
    ) && !/^(apiVersion|kind)\s*:/m.test(text),
  read: readPatroni,
};

function readPatroni(file: ConfigFile, options: ImportOptions): ScenarioPlan {
  const problems = new ProblemList(file.name);
  const { yaml, settings, notModelled, ignored } = patroniSections(file.text, problems);
  problems.throwIfAny();
  const cite = citer(yaml);
  const [ttlUs, loopWaitUs] = [settings.ttl.value * second, settings.loopWait.value * second];
  // Synchronous mode: one replica more than synchronous_node_count, so that losing the leader
  // still leaves enough synchronous standbys for the new one.
  const standbys = Math.max(
    assumedMembers - 1,
    settings.syncMode.value === false ? 0 : settings.syncCount.value + 1,
  );
  const timing = faultTiming(loopWaitUs, ttlUs + loopWaitUs + promoteUs);
  const expiryUs = timing.roundBeforeUs + ttlUs;
  const overrides: Fields = {
    replication: replicationFields(settings, yaml, cite),
    failover: {
      lease: {
        ttl: cite(settings.ttl, formatDuration(ttlUs), "Patroni's default ttl"),
        renewEvery: cite(
          settings.loopWait,
          formatDuration(loopWaitUs),
          "Patroni's default loop_wait",
        ),
        retryTimeout: cite(
          settings.retryTimeout,
          formatDuration(settings.retryTimeout.value * second),
          "Patroni's default retry_timeout",
        ),
      },
      maxLagOnFailover: cite(
        settings.maxLagBytes,
        walLagText(settings.maxLagBytes.value),
        "Patroni's default maximum_lag_on_failover, 1 MiB at 1 MiB of WAL a second",
      ),
      ...rejoinFields(settings, cite),
    },
  };
  const window = `${durationText(ttlUs - loopWaitUs)} to ${durationText(ttlUs)}`;
  return {
    system: "Patroni",
    source: file.name,
    name: options.name,
    summary: `Patroni as ${file.name} sets it up: the leader crashes, its key expires ${durationText(ttlUs)} after its last renewal, a replica takes over.`,
    about: [
      `The model: presets.patroni. The leader key is a lease in the DCS (the monitor dcs), renewed every loop_wait; a replica takes the key when it expires and promotes itself; a leader that cannot renew within loop_wait + retry_timeout demotes itself (lease fencing). maximum_lag_on_failover is in bytes of WAL, the model's lag in time: 1 MiB of WAL a second is assumed (scale it to your WAL rate). ${settings.adjustments.join(" ")}`.trim(),
    ],
    nodes: primaryStandbyNodes({
      standbys,
      standbysOrigin: {
        assumed: `a cluster of ${standbys + 1} members (${file.name} is one member's and does not say${settings.syncMode.value === false ? "" : "; one replica more than synchronous_node_count"})`,
      },
      monitors: ["dcs"],
      monitorsOrigin: {
        note: "the DCS (etcd, Consul, ZooKeeper or Kubernetes), one replicated store",
      },
    }),
    policy: { preset: "patroni", overrides },
    fields: clientFields("a"),
    durationUs: timing.durationUs,
    fault: faultOn("db1", timing),
    story: [
      `The fault: db1, the leader, crashes at a moment each seed draws between two renewals of its key (${clockText(timing.roundBeforeUs)} and ${clockText(timing.roundBeforeUs + loopWaitUs)}); told here for the average case, halfway, at ${clockText(timing.atUs)}. Patroni's mechanics with these values: the key expires ttl = ${durationText(ttlUs)} after its last renewal, at ${clockText(expiryUs)}, ${durationText(expiryUs - timing.atUs)} after the crash (${window} after a crash at any moment, the last renewal being up to loop_wait old); db2 takes the key and accepts writes after its 1 s promotion. Patroni documents up to ttl + loop_wait = ${durationText(ttlUs + loopWaitUs)} when replicas notice only at their next loop; the model's replicas race as the key expires.`,
    ],
    expect: expectations(1, { earliestUs: ttlUs - loopWaitUs, latestUs: ttlUs }, file.name),
    notModelled,
    ignored,
  };
}

function replicationFields(settings: PatroniSettings, yaml: YamlFile, cite: Citer): Fields {
  const { syncMode, strict, syncCount } = settings;
  if (syncMode.value === false)
    return { mode: cite(syncMode, "async", "Patroni's default synchronous_mode: off") };
  const mode = cite(syncMode, strict.value ? "sync" : "semi-sync", "");
  if (strict.entry !== null && mode.origin !== null && "line" in mode.origin) {
    mode.origin = {
      ...mode.origin,
      text: `${mode.origin.text} (and line ${strict.entry.line}: ${yaml.lineText(strict.entry.line).trim()})`,
    };
  }
  const fields: Fields = {
    mode,
    waitFor: cite(syncCount, syncCount.value, "Patroni's default synchronous_node_count"),
  };
  if (!strict.value) {
    fields.semiSyncTimeout = noted(
      formatDuration(settings.ttl.value * second),
      "not strict: a leader whose synchronous standby is gone runs alone once Patroni drops it, at worst ttl later",
    );
  }
  return fields;
}

/** How a former leader whose WAL diverged rejoins: rewound with pg_rewind when use_pg_rewind is
 *  on; otherwise it cannot stream until someone reinitialises it (patronictl reinit) — Patroni
 *  does not even look for the divergence (patroni/postgresql/rewind.py). */
function rejoinFields(settings: PatroniSettings, cite: Citer): Fields {
  const { usePgRewind } = settings;
  if (usePgRewind.value)
    return {
      rejoin: cite(usePgRewind, "rewind", ""),
      rewindIn: assumed("30s", "our assumption: pg_rewind, then the restart (presets.patroni)"),
    };
  const off = "a diverged former leader cannot stream until someone reinitialises it";
  return {
    rejoin:
      usePgRewind.entry === null
        ? assumed("manual", `Patroni's default use_pg_rewind: off — ${off}`)
        : cite(usePgRewind, "manual", ""),
    operator: {
      delay: assumed("5m..15m", "an operator paged, then diagnosing (our assumption)"),
    },
  };
}

type Citer = <T>(setting: Setting<T>, value: Cited["value"], defaultWhy: string) => Cited;

/** A value cited from its line, or marked as Patroni's default (and as adjusted, if Patroni would). */
function citer(yaml: YamlFile): Citer {
  return (setting, value, defaultWhy) => {
    const adjusted =
      setting.adjustedFrom === undefined
        ? ""
        : `, adjusted by Patroni from ${setting.adjustedFrom}`;
    if (setting.entry === null) return assumed(value, `${defaultWhy} (presets.patroni)${adjusted}`);
    const cited = fromLine(value, setting.entry.line, yaml.lineText(setting.entry.line));
    return adjusted === ""
      ? cited
      : noted(
          value,
          `line ${setting.entry.line}: ${yaml.lineText(setting.entry.line).trim()}${adjusted}`,
        );
  };
}
