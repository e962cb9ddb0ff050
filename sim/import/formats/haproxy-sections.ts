// Reading an HAProxy configuration (haproxy.cfg): its sections, and for the first backend or
// listen section with servers, each server's health-check settings as HAProxy resolves them —
// the server line's options over the section's `default-server`, over the last `defaults`
// section's — with `timeout check` and `timeout connect` likewise (HAProxy configuration manual,
// sections 2 and 5). A line's options and HAProxy's times are read by haproxy-server-options.ts.
import type { ConfLine } from "../conf-lines.ts";
import type { ProblemList } from "../import-error.ts";
import type { Remark } from "../plan.ts";
import {
  haproxyTimeUs,
  readServerOptions,
  type CheckSettings,
  type Found,
} from "./haproxy-server-options.ts";

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
