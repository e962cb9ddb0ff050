// Reading an HAProxy configuration (haproxy.cfg): its sections, and for the first backend or
// listen section with servers, each server's health-check settings as HAProxy resolves them —
// the server line's options over the section's `default-server`, over the last `defaults`
// section's — with `timeout check` and `timeout connect` likewise (HAProxy configuration manual,
// sections 2 and 5). Times are HAProxy's: a number with an optional unit (us, ms, s, m, h, d),
// milliseconds without one.
import type { ConfLine } from "../conf-lines.ts";
import type { ProblemList } from "../import-error.ts";
import type { Remark } from "../plan.ts";

/** A setting and the line it came from. */
export interface Found<T> {
  value: T;
  line: ConfLine;
}

/** Health-check settings that can be set on a server line or a `default-server` line. */
export interface CheckSettings {
  check?: Found<boolean>;
  backup?: Found<boolean>;
  interUs?: Found<number>;
  fastinterUs?: Found<number>;
  downinterUs?: Found<number>;
  fall?: Found<number>;
  rise?: Found<number>;
}

export interface Server {
  name: string;
  line: ConfLine;
  /** Resolved: the server's own settings over its section's and the defaults'. */
  settings: CheckSettings;
}

export interface Proxy {
  kind: string;
  name: string;
  line: ConfLine;
  servers: Server[];
  timeoutCheckUs?: Found<number>;
  timeoutConnectUs?: Found<number>;
}

export interface HaproxyConfig {
  proxy: Proxy | null;
  notModelled: Remark[];
  ignored: Remark[];
}

const sectionKeywords = [
  "global",
  "defaults",
  "frontend",
  "backend",
  "listen",
  "peers",
  "resolvers",
  "userlist",
  "mailers",
  "program",
  "http-errors",
  "ring",
  "cache",
  "fcgi-app",
  "crt-store",
  "log-forward",
  "traces",
];
const timeOptions = {
  inter: "interUs",
  fastinter: "fastinterUs",
  downinter: "downinterUs",
} as const;
const countOptions = { fall: "fall", rise: "rise" } as const;
const flagOptions: Record<string, { key: "check" | "backup"; value: boolean }> = {
  check: { key: "check", value: true },
  "no-check": { key: "check", value: false },
  backup: { key: "backup", value: true },
  "no-backup": { key: "backup", value: false },
};
/** Server options that take a value and have nothing to do with how fast a failure is noticed. */
const valuedOptions = [
  "port",
  "addr",
  "weight",
  "maxconn",
  "minconn",
  "maxqueue",
  "cookie",
  "id",
  "init-addr",
  "resolvers",
  "resolve-prefer",
  "sni",
  "check-sni",
  "verify",
  "ca-file",
  "crt",
  "alpn",
  "check-alpn",
  "proto",
  "pool-max-conn",
  "pool-purge-delay",
  "agent-port",
  "agent-inter",
  "agent-send",
  "track",
  "redir",
  "namespace",
  "source",
  "usesrc",
  "on-error",
  "on-marked-down",
  "on-marked-up",
  "observe",
  "error-limit",
  "slowstart",
];
const notModelledOptions: Record<string, string> = {
  slowstart: "a server coming back gets its share of traffic gradually",
  observe: "passive health checks: live traffic's errors can mark a server down",
  "on-marked-down": "what HAProxy does to open sessions when a server goes down",
  "agent-check": "an agent on the server reports its own state",
};

/** An HAProxy time: "2s", "500ms", "2000" (milliseconds), as microseconds; null when malformed. */
export function haproxyTimeUs(text: string | undefined): number | null {
  const match = text === undefined ? null : /^(\d{1,12})(us|ms|s|m|h|d)?$/.exec(text);
  if (match === null) return null;
  const perUnit = { us: 1, ms: 1e3, s: 1e6, m: 60e6, h: 3600e6, d: 86_400e6 }[
    (match[2] ?? "ms") as "ms"
  ];
  const us = Number(match[1]) * perUnit;
  return Number.isSafeInteger(us) ? us : null;
}

/** The options after `server <name> <address>` or `default-server`, read into settings. */
export function readServerOptions(
  line: ConfLine,
  words: readonly string[],
  config: HaproxyConfig,
  problems: ProblemList,
): CheckSettings {
  const settings: CheckSettings = {};
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word in flagOptions) {
      const { key, value } = flagOptions[word];
      settings[key] = { value, line };
    } else if (word in timeOptions || word in countOptions) {
      const value = words[++i];
      const isTime = word in timeOptions;
      const number = isTime
        ? haproxyTimeUs(value)
        : /^\d{1,9}$/.test(value ?? "")
          ? Number(value)
          : null;
      if (number === null || number < 1) {
        const expected = isTime
          ? `a time like 2s or 2000 (milliseconds), above 0`
          : "a whole number of checks, at least 1";
        problems.add(
          line.line,
          word,
          `expected ${expected}, got ${value === undefined ? "nothing" : JSON.stringify(value)}`,
        );
      } else if (isTime)
        settings[timeOptions[word as keyof typeof timeOptions]] = { value: number, line };
      else settings[countOptions[word as keyof typeof countOptions]] = { value: number, line };
    } else {
      if (word in notModelledOptions)
        config.notModelled.push({
          subject: word,
          line: line.line,
          detail: notModelledOptions[word],
        });
      else
        config.ignored.push({
          subject: word,
          line: line.line,
          detail: "server options not about failure detection",
        });
      if (valuedOptions.includes(word)) i++;
    }
  }
  return settings;
}

/** The sections of the file; the first backend or listen section with servers is read in full. */
export function readHaproxy(lines: readonly ConfLine[], problems: ProblemList): HaproxyConfig {
  const config: HaproxyConfig = { proxy: null, notModelled: [], ignored: [] };
  let defaults: {
    settings: CheckSettings;
    timeouts: Pick<Proxy, "timeoutCheckUs" | "timeoutConnectUs">;
  } = { settings: {}, timeouts: {} };
  let section: { kind: string; name: string; line: ConfLine } | null = null;
  let proxy: (Proxy & { own: CheckSettings }) | null = null;
  const finish = () => {
    if (proxy !== null && proxy.servers.length > 0) config.proxy = proxy;
    else if (proxy !== null)
      config.ignored.push({
        subject: `${proxy.kind} ${proxy.name}`,
        line: proxy.line.line,
        detail: "proxies without servers",
      });
    proxy = null;
  };
  for (const line of lines) {
    const [keyword, ...args] = line.words;
    if (sectionKeywords.includes(keyword)) {
      finish();
      section = { kind: keyword, name: args[0] ?? "", line };
      const subject = `${keyword}${args[0] ? ` ${args[0]}` : ""}`;
      if (keyword === "defaults") defaults = { settings: {}, timeouts: {} };
      else if (keyword !== "backend" && keyword !== "listen")
        config.ignored.push({
          subject,
          line: line.line,
          detail: "sections not about failure detection",
        });
      else if (config.proxy === null)
        proxy = {
          kind: keyword,
          name: args[0] ?? "",
          line,
          servers: [],
          ...defaults.timeouts,
          own: { ...defaults.settings },
        };
      else
        config.ignored.push({
          subject,
          line: line.line,
          detail: `another proxy (sim import models the first with servers, ${config.proxy.name})`,
        });
      continue;
    }
    if (section === null) {
      problems.add(
        line.line,
        keyword,
        "expected a section first (global, defaults, backend, listen, …)",
      );
      continue;
    }
    if (section.kind === "defaults") defaultsLine(line, defaults, config, problems);
    else if (proxy !== null) proxyLine(line, proxy, config, problems);
  }
  finish();
  return config;
}

type Timeouts = Pick<Proxy, "timeoutCheckUs" | "timeoutConnectUs">;

function defaultsLine(
  line: ConfLine,
  defaults: { settings: CheckSettings; timeouts: Timeouts },
  config: HaproxyConfig,
  problems: ProblemList,
): void {
  const [keyword, ...args] = line.words;
  if (keyword === "default-server")
    Object.assign(defaults.settings, readServerOptions(line, args, config, problems));
  else if (keyword === "timeout" && timeoutLine(line, defaults.timeouts, problems)) return;
  else ignoreLine(line, config);
}

function proxyLine(
  line: ConfLine,
  proxy: Proxy & { own: CheckSettings },
  config: HaproxyConfig,
  problems: ProblemList,
): void {
  const [keyword, ...args] = line.words;
  if (keyword === "default-server") {
    Object.assign(proxy.own, readServerOptions(line, args, config, problems));
  } else if (keyword === "server") {
    const [name, address, ...options] = args;
    if (name === undefined || address === undefined) {
      problems.add(line.line, "server", "expected server <name> <address>[:port] [options]");
      return;
    }
    proxy.servers.push({
      name,
      line,
      settings: { ...proxy.own, ...readServerOptions(line, options, config, problems) },
    });
  } else if (keyword === "timeout" && timeoutLine(line, proxy, problems)) {
    return;
  } else {
    ignoreLine(line, config);
  }
}

/** `timeout check|connect <time>`; false for other timeouts (not about failure detection). */
function timeoutLine(line: ConfLine, timeouts: Timeouts, problems: ProblemList): boolean {
  const [, which, value] = line.words;
  if (which !== "check" && which !== "connect") return false;
  const us = haproxyTimeUs(value);
  if (us === null || us < 1)
    problems.add(
      line.line,
      `timeout ${which}`,
      `expected a time like 5s or 5000 (milliseconds), above 0, got ${value === undefined ? "nothing" : JSON.stringify(value)}`,
    );
  else timeouts[which === "check" ? "timeoutCheckUs" : "timeoutConnectUs"] = { value: us, line };
  return true;
}

function ignoreLine(line: ConfLine, config: HaproxyConfig): void {
  const [keyword, second] = line.words;
  const subject =
    keyword === "option" || keyword === "timeout" || keyword.endsWith("-check")
      ? `${keyword} ${second ?? ""}`.trim()
      : keyword;
  const detail = /check/.test(subject)
    ? "how a check is made (a crashed server answers none)"
    : "not about failure detection";
  config.ignored.push({ subject, line: line.line, detail });
}
