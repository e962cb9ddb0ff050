// The health checks of the server that decides, as HAProxy runs them: inter, fall and rise from
// the server's resolved options or HAProxy's defaults (presets.haproxy), each cited to its line
// or to the default; the check's timeout (inter, or min(timeout connect, inter) with `timeout
// check` set, for a server that does not accept the connection); fastinter and downinter noted
// as not modelled; and the window in which a crash at any moment is detected.
import { formatDuration, parseDuration, presets } from "../dsl.ts";
import { assumed, fromLine, noted, type Cited } from "../plan.ts";
import type { HaproxyConfig, Proxy, Server } from "./haproxy-sections.ts";
import type { Found } from "./haproxy-server-options.ts";

/** The health checks of the server that decides, as the scenario's fields and numbers. */
export interface Checks {
  interUs: number;
  timeoutUs: number;
  fall: number;
  rise: number;
  checked: boolean;
  fields: { interval: Cited; timeout: Cited; fall: Cited; rise: Cited };
}

export function checksOf(server: Server, proxy: Proxy, config: HaproxyConfig): Checks {
  const defaults = presets.haproxy().detector ?? {};
  const cite = (found: Found<number> | undefined, value: Cited["value"], why: string) =>
    found === undefined
      ? assumed(value, `${why} (presets.haproxy)`)
      : fromLine(value, found.line.line, found.line.text);
  const { interUs: inter, fall, rise, fastinterUs, downinterUs } = server.settings;
  const interUs = inter?.value ?? parseDuration(defaults.interval ?? "2s");
  const connectUs = proxy.timeoutConnectUs?.value ?? interUs;
  const timeoutUs = proxy.timeoutCheckUs === undefined ? interUs : Math.min(connectUs, interUs);
  const timeout =
    proxy.timeoutCheckUs === undefined
      ? noted(formatDuration(timeoutUs), "no timeout check: inter is the whole check's timeout")
      : noted(
          formatDuration(timeoutUs),
          `timeout check is set (line ${proxy.timeoutCheckUs.line.line}): a server that does not accept the connection fails after min(timeout connect, inter)`,
        );
  for (const [found, name, detail] of [
    [
      fastinterUs,
      "fastinter",
      "the check interval while a server is going DOWN or coming UP; the model checks every inter throughout",
    ],
    [
      downinterUs,
      "downinter",
      "the check interval while a server is DOWN; the model checks every inter throughout",
    ],
  ] as const) {
    if (found !== undefined && found.value !== interUs)
      config.notModelled.push({
        subject: `${name} (server ${server.name})`,
        line: found.line.line,
        detail,
      });
  }
  return {
    interUs,
    timeoutUs,
    fall: fall?.value ?? defaults.failures ?? 3,
    rise: rise?.value ?? defaults.successes ?? 2,
    checked: server.settings.check?.value === true,
    fields: {
      interval: cite(inter, formatDuration(interUs), "HAProxy's default inter, 2000 ms"),
      timeout,
      fall: cite(fall, fall?.value ?? defaults.failures ?? 3, "HAProxy's default fall"),
      rise: cite(rise, rise?.value ?? defaults.successes ?? 2, "HAProxy's default rise"),
    },
  };
}

/** After a crash at any moment: (fall − 1) × inter + timeout, plus up to one inter. */
export function detectionWindow(checks: Checks): { earliestUs: number; latestUs: number } {
  return {
    earliestUs: (checks.fall - 1) * checks.interUs + checks.timeoutUs,
    latestUs: checks.fall * checks.interUs + checks.timeoutUs,
  };
}
