// Reading a Patroni YAML file: where each setting is (the dynamic configuration at the top, as
// `patronictl show-config` prints it, or under bootstrap.dcs in a member's file — the top wins),
// its value as Patroni reads it (Python's int(); PyYAML's on/off), and what the file holds that
// the scenario does not carry. The settings, their defaults and Patroni's adjustment of the
// timeouts are patroni-settings.ts.
import { maxImportedNodes } from "../cluster.ts";
import type { ProblemList } from "../import-error.ts";
import type { Remark } from "../plan.ts";
import {
  booleanOrText,
  mapEntries,
  parseYaml,
  readInteger,
  scalarOf,
  type YamlEntry,
  type YamlFile,
} from "../yaml-tree.ts";
import {
  adjustTimeouts,
  defaultSettings,
  type PatroniSettings,
  type Setting,
} from "./patroni-settings.ts";

export interface PatroniSections {
  yaml: YamlFile;
  settings: PatroniSettings;
  notModelled: Remark[];
  ignored: Remark[];
}

/** Dynamic settings the model maps. */
const mapped = [
  "ttl",
  "loop_wait",
  "retry_timeout",
  "maximum_lag_on_failover",
  "synchronous_mode",
  "synchronous_mode_strict",
  "synchronous_node_count",
];
/** Dynamic settings naming a mechanism the model does not have yet. */
const notModelledKeys: Record<string, string> = {
  primary_start_timeout:
    "time a leader whose Postgres crashed gets to start it again before a failover (the model's crash is the whole host)",
  master_start_timeout:
    "time a leader whose Postgres crashed gets to start it again before a failover (the model's crash is the whole host)",
  primary_stop_timeout: "how long a synchronous leader waits for Postgres to stop",
  master_stop_timeout: "how long a synchronous leader waits for Postgres to stop",
  failsafe_mode: "a leader that loses the DCS keeps its role while every member confirms it",
  check_timeline: "a replica on an older timeline may not take the key",
  maximum_lag_on_syncnode: "a synchronous standby too far behind is replaced",
  standby_cluster: "a whole cluster replicating from another",
  use_pg_rewind:
    "how a failed leader rejoins (pg_rewind); the model's old primary rejoins as a standby at once",
};
const ignoredDynamic = [
  "slots",
  "ignore_slots",
  "member_slots_ttl",
  "max_timelines_history",
  "use_slots",
];
/** Sections of a member's file with no bearing on failover timing. */
const localSections = [
  "scope",
  "namespace",
  "name",
  "restapi",
  "ctl",
  "log",
  "etcd",
  "etcd3",
  "consul",
  "zookeeper",
  "exhibitor",
  "kubernetes",
  "raft",
  "citus",
];
/** Per-member tags (the file is one member's). */
const tagDetails: Record<string, string> = {
  nofailover: "this member is never promoted",
  failover_priority: "a member preferred in the leader race",
  nosync: "this member is never a synchronous standby",
  nostream: "this member replicates from the archive only",
};

export function patroniSections(text: string, problems: ProblemList): PatroniSections {
  const yaml = parseYaml(text, problems);
  const sections: PatroniSections = {
    yaml,
    settings: defaultSettings(),
    notModelled: [],
    ignored: [],
  };
  if (yaml.documents.length > 1)
    problems.add(
      yaml.lineOf(yaml.documents[1].range[0]),
      null,
      "expected one YAML document (a Patroni configuration), got several",
    );
  const root = mapEntries(yaml.documents[0]?.contents, yaml);
  if (root === null) {
    if (problems.count === 0)
      problems.add(
        1,
        null,
        "expected a mapping of Patroni settings (ttl: 30, loop_wait: 10, … or bootstrap: dcs: …)",
      );
    return sections;
  }
  const dynamic = new Map<string, YamlEntry>();
  const bootstrapDcs: YamlEntry[] = [];
  for (const entry of root) {
    if (isDynamic(entry.key)) dynamic.set(entry.key, entry);
    else if (entry.key === "bootstrap")
      bootstrapDcs.push(...bootstrapEntries(entry, yaml, sections));
    else if (entry.key === "postgresql") postgresqlSection(entry, yaml, sections);
    else if (entry.key === "watchdog")
      sections.notModelled.push({
        subject: "watchdog",
        line: entry.line,
        detail: "a Linux watchdog resets a leader that stops renewing",
      });
    else if (entry.key === "tags") tagEntries(entry, yaml, sections);
    else ignore(sections, entry.key, entry.line, localSections.includes(entry.key));
  }
  for (const entry of bootstrapDcs) {
    const winner = dynamic.get(entry.key);
    if (winner === undefined) dynamic.set(entry.key, entry);
    else
      sections.ignored.push({
        subject: `bootstrap.dcs.${entry.key}`,
        line: entry.line,
        detail: "superseded by the same setting at the top of the file",
      });
  }
  for (const entry of dynamic.values()) dynamicEntry(entry, sections, problems);
  adjustTimeouts(sections.settings);
  return sections;
}

function isDynamic(key: string): boolean {
  return mapped.includes(key) || key in notModelledKeys || ignoredDynamic.includes(key);
}

function ignore(sections: PatroniSections, subject: string, line: number, known: boolean): void {
  sections.ignored.push({
    subject,
    line,
    detail: known ? "not about failover timing" : "not known to sim import",
  });
}

function bootstrapEntries(
  bootstrap: YamlEntry,
  yaml: YamlFile,
  sections: PatroniSections,
): YamlEntry[] {
  const found: YamlEntry[] = [];
  for (const entry of mapEntries(bootstrap.value, yaml) ?? []) {
    if (entry.key !== "dcs") {
      sections.ignored.push({
        subject: `bootstrap.${entry.key}`,
        line: entry.line,
        detail: "how a new cluster is created",
      });
      continue;
    }
    for (const setting of mapEntries(entry.value, yaml) ?? []) {
      if (setting.key === "postgresql")
        postgresqlSection(setting, yaml, sections, "bootstrap.dcs.");
      else if (isDynamic(setting.key)) found.push(setting);
      else ignore(sections, `bootstrap.dcs.${setting.key}`, setting.line, false);
    }
  }
  return found;
}

/** postgresql (local or dynamic): use_pg_rewind names a mechanism; the rest runs Postgres. */
function postgresqlSection(
  section: YamlEntry,
  yaml: YamlFile,
  sections: PatroniSections,
  prefix = "",
): void {
  const entries = mapEntries(section.value, yaml) ?? [];
  const rewind = entries.find((entry) => entry.key === "use_pg_rewind");
  if (rewind !== undefined)
    sections.notModelled.push({
      subject: `${prefix}postgresql.use_pg_rewind`,
      line: rewind.line,
      detail: notModelledKeys.use_pg_rewind,
    });
  if (entries.length > (rewind ? 1 : 0))
    sections.ignored.push({
      subject: `${prefix}postgresql`,
      line: section.line,
      detail: "how Postgres runs (not about failover timing)",
    });
}

function tagEntries(tags: YamlEntry, yaml: YamlFile, sections: PatroniSections): void {
  for (const entry of mapEntries(tags.value, yaml) ?? []) {
    const detail = tagDetails[entry.key];
    if (detail === undefined) ignore(sections, `tags.${entry.key}`, entry.line, true);
    else if (booleanOrText(entry) === false || scalarOf(entry) === null)
      sections.ignored.push({
        subject: `tags.${entry.key}`,
        line: entry.line,
        detail: "off, as by default",
      });
    else
      sections.notModelled.push({
        subject: `tags.${entry.key}`,
        line: entry.line,
        detail: `${detail} (a tag of one member; the file does not say which node it is)`,
      });
  }
}

function dynamicEntry(entry: YamlEntry, sections: PatroniSections, problems: ProblemList): void {
  const settings = sections.settings;
  const seconds = (min: number) =>
    readInteger(entry, { min, text: true, unit: "seconds" }, problems);
  const set = <T>(target: Setting<T>, value: T | undefined) => {
    if (value !== undefined) Object.assign(target, { value, entry });
  };
  if (entry.key in notModelledKeys)
    sections.notModelled.push({
      subject: entry.key,
      line: entry.line,
      detail: notModelledKeys[entry.key],
    });
  else if (ignoredDynamic.includes(entry.key))
    sections.ignored.push({
      subject: entry.key,
      line: entry.line,
      detail: "replication slots (not about failover timing)",
    });
  else if (entry.key === "ttl") set(settings.ttl, seconds(0));
  else if (entry.key === "loop_wait") set(settings.loopWait, seconds(0));
  else if (entry.key === "retry_timeout") set(settings.retryTimeout, seconds(0));
  else if (entry.key === "maximum_lag_on_failover")
    set(settings.maxLagBytes, readInteger(entry, { min: 0, text: true, unit: "bytes" }, problems));
  else if (entry.key === "synchronous_mode_strict")
    set(settings.strict, readBoolean(entry, problems));
  else if (entry.key === "synchronous_node_count")
    set(settings.syncCount, syncCount(entry, problems));
  else if (entry.key === "synchronous_mode") set(settings.syncMode, readSyncMode(entry, problems));
}

function syncCount(entry: YamlEntry, problems: ProblemList): number | undefined {
  const count = readInteger(entry, { min: 1, text: true, unit: "standbys" }, problems);
  if (count === undefined || count <= maxImportedNodes - 2) return count;
  problems.add(
    entry.line,
    entry.key,
    `expected at most ${maxImportedNodes - 2} standbys (sim import writes at most ${maxImportedNodes} nodes), got ${count}`,
  );
  return undefined;
}

function readBoolean(entry: YamlEntry, problems: ProblemList): boolean | undefined {
  const value = booleanOrText(entry);
  if (typeof value === "boolean") return value;
  problems.add(
    entry.line,
    entry.key,
    `expected on or off (true or false), got ${JSON.stringify(value ?? null)}`,
  );
  return undefined;
}

function readSyncMode(entry: YamlEntry, problems: ProblemList): boolean | "quorum" | undefined {
  const value = booleanOrText(entry);
  if (typeof value === "boolean") return value;
  if (value === "quorum") return "quorum";
  problems.add(
    entry.line,
    entry.key,
    `expected on, off or quorum, got ${JSON.stringify(value ?? null)}`,
  );
  return undefined;
}
