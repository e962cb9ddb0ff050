// Reading a Redis Sentinel configuration (sentinel.conf) line by line, as Sentinel does: a
// `sentinel <option> <master-name> …` line needs the master to be monitored by an earlier
// `sentinel monitor <master-name> <ip> <port> <quorum>` line (Sentinel refuses it otherwise: "No
// such master with specified name"); numbers are whole milliseconds. The first monitored master
// is the one imported; the rest of the file is sorted into what the scenario carries, what names
// a mechanism the model lacks, and what is ignored.
import type { ConfLine } from "../conf-lines.ts";
import type { ProblemList } from "../import-error.ts";
import type { Remark } from "../plan.ts";

/** A value and the line it came from. */
export interface LineValue {
  value: number;
  line: ConfLine;
}

export interface SentinelConfig {
  master: { name: string; line: ConfLine; quorum: number } | null;
  downAfterMs: LineValue | null;
  failoverTimeoutMs: LineValue | null;
  knownReplicas: number;
  knownSentinels: number;
  notModelled: Remark[];
  ignored: Remark[];
}

/** `sentinel <option> <master-name> <value>` options: their value's name and least value. */
const masterNumbers: Record<string, { what: string; min: number }> = {
  "down-after-milliseconds": { what: "milliseconds", min: 1 },
  "failover-timeout": { what: "milliseconds", min: 1 },
  "parallel-syncs": { what: "replicas", min: 1 },
  "master-reboot-down-after-period": { what: "milliseconds", min: 0 },
};
const notModelledOptions: Record<string, string> = {
  "parallel-syncs":
    "how many replicas are re-pointed at the new master at a time (each resyncs); the model's replicas follow at once",
  "master-reboot-down-after-period": "a master that rebooted is treated as down for this long",
};
const masterOptions = [
  "auth-pass",
  "auth-user",
  "notification-script",
  "client-reconfig-script",
  "rename-command",
  "config-epoch",
  "leader-epoch",
  "known-replica",
  "known-slave",
  "known-sentinel",
  ...Object.keys(masterNumbers),
];
const globalOptions = [
  "current-epoch",
  "myid",
  "deny-scripts-reconfig",
  "resolve-hostnames",
  "announce-hostnames",
  "announce-ip",
  "announce-port",
  "sentinel-user",
  "sentinel-pass",
  "config",
];
/** Redis directives a Sentinel's file commonly holds, none about failover timing. */
const serverDirectives = [
  "port",
  "bind",
  "daemonize",
  "pidfile",
  "logfile",
  "dir",
  "protected-mode",
  "loglevel",
  "syslog-enabled",
  "syslog-ident",
  "unixsocket",
  "unixsocketperm",
  "tls-port",
  "tls-cert-file",
  "tls-key-file",
  "tls-ca-cert-file",
  "tls-replication",
  "requirepass",
  "masterauth",
  "user",
  "aclfile",
  "supervised",
];
/** redis.conf settings of the master, meaningless in a Sentinel's file. */
const masterDirectives = [
  "min-replicas-to-write",
  "min-slaves-to-write",
  "min-replicas-max-lag",
  "min-slaves-max-lag",
];

export function readSentinelLines(
  lines: readonly ConfLine[],
  problems: ProblemList,
): SentinelConfig {
  const config: SentinelConfig = {
    master: null,
    downAfterMs: null,
    failoverTimeoutMs: null,
    knownReplicas: 0,
    knownSentinels: 0,
    notModelled: [],
    ignored: [],
  };
  const monitored = new Set<string>();
  for (const line of lines) {
    const [directive, option = "", ...args] = line.words.map((word, index) =>
      index < 2 ? word.toLowerCase() : word,
    );
    if (directive !== "sentinel") {
      otherDirective(line, config);
    } else if (option === "monitor") {
      monitor(line, args, monitored, config, problems);
    } else if (masterOptions.includes(option)) {
      masterOption(line, option, args, monitored, config, problems);
    } else {
      const known = globalOptions.includes(option);
      config.ignored.push({
        subject: `sentinel ${option}`,
        line: line.line,
        detail: known ? "not about failover timing" : "not known to sim import",
      });
    }
  }
  if (config.master === null && problems.count === 0)
    problems.add(
      null,
      null,
      "expected a `sentinel monitor <master-name> <ip> <port> <quorum>` line",
    );
  return config;
}

function otherDirective(line: ConfLine, config: SentinelConfig): void {
  const directive = line.words[0].toLowerCase();
  if (masterDirectives.includes(directive)) {
    config.ignored.push({
      subject: directive,
      line: line.line,
      detail:
        'a redis.conf setting of the master, which a Sentinel does not use (set failover.fencing "min-replicas" in the scenario to model it)',
    });
  } else {
    config.ignored.push({
      subject: directive,
      line: line.line,
      detail: serverDirectives.includes(directive)
        ? "not about failover timing"
        : "not known to sim import",
    });
  }
}

function monitor(
  line: ConfLine,
  args: string[],
  monitored: Set<string>,
  config: SentinelConfig,
  problems: ProblemList,
): void {
  const [name, , port, quorumText] = args;
  const expected = "expected sentinel monitor <master-name> <ip> <port> <quorum>";
  const first = monitored.size === 0;
  if (name !== undefined) monitored.add(name);
  if (args.length !== 4) {
    problems.add(
      line.line,
      "sentinel monitor",
      `${expected}, got ${args.length} word${args.length === 1 ? "" : "s"} after monitor`,
    );
    return;
  }
  const [quorum, portNumber] = [whole(quorumText), whole(port)];
  if (portNumber === null || portNumber > 65_535)
    problems.add(
      line.line,
      "sentinel monitor",
      `${expected}: a port from 0 to 65535, got ${JSON.stringify(port)}`,
    );
  if (quorum === null || quorum < 1)
    problems.add(
      line.line,
      "sentinel monitor",
      `${expected}: a quorum of at least 1 Sentinel, got ${JSON.stringify(quorumText)}`,
    );
  if (!first) {
    config.ignored.push({
      subject: `sentinel monitor ${name}`,
      line: line.line,
      detail: `another master (sim import models the first${config.master ? `, ${config.master.name}` : ""})`,
    });
  } else if (quorum !== null) {
    config.master = { name, line, quorum };
  }
}

function masterOption(
  line: ConfLine,
  option: string,
  args: string[],
  monitored: Set<string>,
  config: SentinelConfig,
  problems: ProblemList,
): void {
  const [name, value] = args;
  const key = `sentinel ${option}`;
  if (name === undefined) {
    problems.add(line.line, key, `expected ${key} <master-name> …, got no master name`);
    return;
  }
  if (!monitored.has(name)) {
    problems.add(
      line.line,
      key,
      `expected a master named by an earlier \`sentinel monitor\` line, got ${JSON.stringify(name)} (Sentinel refuses it: No such master with specified name)`,
    );
    return;
  }
  if (name !== firstMaster(monitored)) {
    config.ignored.push({ subject: key, line: line.line, detail: `about another master, ${name}` });
    return;
  }
  const rule = masterNumbers[option];
  if (rule !== undefined) {
    const number = whole(value);
    if (args.length !== 2 || number === null || number < rule.min) {
      problems.add(
        line.line,
        key,
        `expected ${key} <master-name> <${rule.what}>, a whole number of at least ${rule.min}, got ${JSON.stringify(args.slice(1).join(" "))}`,
      );
      return;
    }
    if (option === "down-after-milliseconds") config.downAfterMs = { value: number, line };
    else if (option === "failover-timeout") config.failoverTimeoutMs = { value: number, line };
    else
      config.notModelled.push({
        subject: key,
        line: line.line,
        detail: notModelledOptions[option],
      });
    return;
  }
  if (option === "known-replica" || option === "known-slave") config.knownReplicas++;
  else if (option === "known-sentinel") config.knownSentinels++;
  else config.ignored.push({ subject: key, line: line.line, detail: "not about failover timing" });
}

/** The master the file monitors first: the one imported. */
function firstMaster(monitored: Set<string>): string | undefined {
  return monitored.values().next().value;
}

/** A whole number written in decimal digits, or null. */
function whole(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,15}$/.test(text)) return null;
  return Number(text);
}
