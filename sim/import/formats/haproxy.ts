// HAProxy (haproxy.cfg): the first backend or listen section with servers. Mechanics (HAProxy
// configuration manual, server options inter, fall, rise, backup; timeout check): the proxy
// checks each server every `inter`; a check fails when it gets no answer within its timeout —
// `inter`, or with `timeout check` set, min(timeout connect, inter) for a server that does not
// even accept the connection, as a crashed host does; `fall` failures in a row mark a server
// DOWN, `rise` successes UP again. Backup servers get traffic only while every other is DOWN.
// Two shapes: one server and its backups is a primary/backup pair on presets.haproxy (the proxy
// is the monitor, "promotion" a traffic switch); servers that share the load are a pool behind
// the clients' load balancer (`routing: { lb }`, the model's HAProxy semantics).
import { clientFields, expectations, faultOn, maxImportedNodes } from "../cluster.ts";
import { confLines } from "../conf-lines.ts";
import type { ConfigFile, ConfigFormat, ImportOptions } from "../config-format.ts";
import { ProblemList } from "../import-error.ts";
import { noted, type Fields, type PlanNode, type Remark, type ScenarioPlan } from "../plan.ts";
import { clockText, durationText } from "../scenario-text.ts";
import { readHaproxy, type HaproxyConfig, type Proxy, type Server } from "./haproxy-sections.ts";
import { checksOf, crashTiming, detectionWindow, type Checks } from "./haproxy-checks.ts";

export const haproxy: ConfigFormat = {
  system: "HAProxy",
  looksLike: "an HAProxy cfg (backend or listen sections with server lines)",
  recognises: (text) =>
    /^\s*(backend|listen|defaults|frontend)\b/m.test(text) && /^\s*server\s+\S+\s+\S+/m.test(text),
  read: readHaproxyConfig,
};

function readHaproxyConfig(file: ConfigFile, options: ImportOptions): ScenarioPlan {
  const problems = new ProblemList(file.name);
  const config = readHaproxy(confLines(file.text, { comments: "anywhere" }, problems), problems);
  const proxy = config.proxy;
  if (proxy === null) {
    if (problems.count === 0)
      problems.add(null, null, "expected a backend or listen section with server lines");
    problems.throwIfAny();
    throw new Error("unreachable: a missing proxy is always a problem");
  }
  const active = proxy.servers.filter((server) => server.settings.backup?.value !== true);
  const backups = proxy.servers.filter((server) => server.settings.backup?.value === true);
  const at = `${proxy.kind} ${proxy.name}`;
  if (active.length === 0)
    problems.add(
      proxy.line.line,
      at,
      "expected a server that is not `backup` (backup servers take traffic only when every other server is DOWN)",
    );
  if (proxy.servers.length > maxImportedNodes)
    problems.add(
      proxy.line.line,
      at,
      `expected at most ${maxImportedNodes} servers (sim import's limit), got ${proxy.servers.length}`,
    );
  const pair = active.length === 1 && backups.length > 0;
  if (
    !pair &&
    active.length > 0 &&
    !active.some((server) => server.settings.check?.value === true)
  ) {
    problems.add(
      proxy.line.line,
      at,
      "expected servers with `check`: sim import models a pool behind a load balancer that checks its servers, and HAProxy never takes an unchecked server out",
    );
  }
  problems.throwIfAny();
  const decider = pair
    ? active[0]
    : (active.find((server) => server.settings.check?.value === true) ?? active[0]);
  const checks = checksOf(decider, proxy, config);
  return pair
    ? pairPlan(proxy, active[0], backups, checks, config, file, options)
    : poolPlan(proxy, active, backups, decider, checks, config, file, options);
}

function serverNode(server: Server, name: string, role: PlanNode["role"], zone: string): PlanNode {
  return { name, role, zone, origin: { line: server.line.line, text: server.line.text.trim() } };
}

function pairPlan(
  proxy: Proxy,
  primary: Server,
  backups: Server[],
  checks: Checks,
  config: HaproxyConfig,
  file: ConfigFile,
  options: ImportOptions,
): ScenarioPlan {
  const { timing, downUs } = crashTiming(checks);
  const detector: Fields = {
    interval: checks.fields.interval,
    probeTimeout: checks.fields.timeout,
    failures: checks.fields.fall,
    successes: checks.fields.rise,
  };
  const fields: Fields = checks.checked
    ? {}
    : {
        failover: {
          automatic: noted(
            false,
            `server ${primary.name} has no \`check\`: HAProxy never marks it DOWN, so traffic never moves to the backup`,
          ),
        },
      };
  return {
    ...common(config, file, options),
    summary: `HAProxy as ${file.name} sets it up: server ${primary.name} crashes; after ${checks.fall} failed checks traffic moves to its backup.`,
    about: [
      `The model: presets.haproxy. The monitor haproxy is the proxy's health checker, a consecutive detector (inter, the check's timeout, fall, rise); the "promotion" of db2 is only HAProxy sending traffic to the backup (promoteIn 0), and db1 gets it back after rise good checks. Server ${primary.name} is db1, ${backups.map((server) => server.name).join(", ")} db2 and on.`,
    ],
    nodes: [
      serverNode(primary, "db1", "primary", "a"),
      ...backups.map((server, index) => serverNode(server, `db${index + 2}`, "standby", "b")),
      {
        name: "haproxy",
        role: "monitor",
        zone: "c",
        origin: { note: `the proxy (${proxy.kind} ${proxy.name}, line ${proxy.line.line})` },
      },
    ],
    policy: { preset: "haproxy", overrides: { detector } },
    fields: { ...fields, ...clientFields("c") },
    durationUs: timing.durationUs,
    fault: faultOn("db1", timing),
    story: [
      storyText(
        `db1 (server ${primary.name})`,
        timing,
        checks,
        downUs,
        "traffic goes to the backup db2 at once",
      ),
    ],
    expect: checks.checked
      ? expectations(1, detectionWindow(checks), file.name)
      : expectations(0, null, file.name),
  };
}

function poolPlan(
  proxy: Proxy,
  active: Server[],
  backups: Server[],
  decider: Server,
  checks: Checks,
  config: HaproxyConfig,
  file: ConfigFile,
  options: ImportOptions,
): ScenarioPlan {
  const { timing, downUs } = crashTiming(checks);
  for (const server of backups)
    config.notModelled.push({
      subject: `server ${server.name} (backup)`,
      line: server.line.line,
      detail: "a backup server beside several active ones: the model's pools have no backup",
    });
  const lb: Fields = {
    interval: checks.fields.interval,
    timeout: checks.fields.timeout,
    rise: checks.fields.rise,
    fall: checks.fields.fall,
  };
  const first = active[0];
  return {
    ...common(config, file, options),
    summary: `HAProxy as ${file.name} sets it up: one of ${active.length} servers crashes; after ${checks.fall} failed checks it leaves the rotation.`,
    about: [
      `The model: a pool of servers behind the clients' load balancer, which has HAProxy's health-check semantics (routing: { lb }); no failover, no data: a crashed server takes its share of requests with it until it leaves the rotation. The servers are the ${active.length} active servers of ${proxy.kind} ${proxy.name}, server1 and on; one check setting serves them all, server ${decider.name}'s.`,
    ],
    nodes: active.map((server, index) => serverNode(server, `server${index + 1}`, "server", "a")),
    policy: null,
    fields: clientFields("c", { lb }),
    durationUs: timing.durationUs,
    fault: faultOn("server1", timing),
    story: [
      storyText(
        `server1 (server ${first.name})`,
        timing,
        checks,
        downUs,
        `until then 1 in ${active.length} requests goes to it and fails`,
      ),
    ],
    expect: expectations(0, detectionWindow(checks), file.name),
  };
}

function common(
  config: HaproxyConfig,
  file: ConfigFile,
  options: ImportOptions,
): Pick<ScenarioPlan, "system" | "source" | "name" | "notModelled" | "ignored"> {
  return {
    system: "HAProxy",
    source: file.name,
    name: options.name,
    notModelled: config.notModelled,
    ignored: dedupe(config.ignored),
  };
}

function storyText(
  who: string,
  timing: { atUs: number; roundBeforeUs: number },
  checks: Checks,
  downUs: number,
  then: string,
): string {
  const window = detectionWindow(checks);
  const firstUs = timing.roundBeforeUs + checks.interUs;
  return `The fault: ${who} crashes at a moment each seed draws between two checks (${clockText(timing.roundBeforeUs)} and ${clockText(firstUs)}); told here for the average case, halfway, at ${clockText(timing.atUs)}. HAProxy's mechanics with these values: the checks from ${clockText(firstUs)} on fail, each after its ${durationText(checks.timeoutUs)} timeout; after fall = ${checks.fall} failures in a row the server is DOWN at ${clockText(downUs)}, ${durationText(downUs - timing.atUs)} after the crash (${durationText(window.earliestUs)} to ${durationText(window.latestUs)} after a crash at any moment); ${then}.`;
}

/** One remark per subject and detail (a server option repeated on every line is listed once). */
function dedupe(remarks: Remark[]): Remark[] {
  const seen = new Set<string>();
  return remarks.filter((remark) => {
    const key = `${remark.subject}\n${remark.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
