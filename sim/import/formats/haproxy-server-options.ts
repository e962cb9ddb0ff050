// The options of an HAProxy `server` or `default-server` line that bear on health checks (check,
// backup, inter, fastinter, downinter, fall, rise), read into settings, each with the line it came
// from; the others are noted as not modelled or ignored. Times are HAProxy's: a number with an
// optional unit (us, ms, s, m, h, d), milliseconds without one (HAProxy configuration manual,
// sections 2.5 and 5.2).
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
  config: { notModelled: Remark[]; ignored: Remark[] },
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
