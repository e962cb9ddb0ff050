// The frame around the story of `sim explain`: the setting before it (who is where, how the
// clients find the primary, how failures are detected, how writes are replicated, what the
// failover policy does) and the outcome after it — the run's metrics in words, from the same
// values as summary.csv. Seconds are shown with one decimal; a value that is not zero but
// rounds to it is shown as "< 0.1" so that "no downtime" is never said of a little downtime.
import {
  detectorKindOf,
  failbackKindOf,
  fencingKindOf,
  rejoinKindOf,
  routingKindOf,
  type ClientConfig,
  describeLatency,
  type FailoverConfig,
  type LinkSpec,
  type NetworkConfig,
  type NodeConfig,
  type ReplicationConfig,
  type WorldConfig,
} from "../model/index.ts";
import type { MetricValues } from "../scenario/metric-names.ts";
import { spokenDuration, spokenSeconds } from "../dsl/index.ts";
import { count, plural } from "./explain-sentences.ts";

export function settingLines(world: WorldConfig): string[] {
  const lines = [
    `Nodes: ${world.nodes.map(nodePhrase).join("; ")}.`,
    ...networkLines(world.network),
    ...world.clients.map(clientPhrase),
  ];
  // Detection, replication and failover concern a primary and its standbys; a pool of servers
  // alone has none of them.
  if (!world.nodes.some((node) => node.role === "primary")) return lines;
  return [
    ...lines,
    `Detection: ${detectorKindOf(world.detector.kind).describe(world.detector)}${jitterPhrase(world.detector.intervalJitter)}.`,
    `Replication: ${replicationPhrase(world.replication)}.`,
    `Failover: ${failoverPhrase(world.failover)}.`,
  ];
}

/** The monitors' rounds spaced at random around the interval, when they are. */
function jitterPhrase(intervalJitter: number): string {
  if (intervalJitter === 0) return "";
  const percent = Number((intervalJitter * 100).toFixed(2));
  return `; each monitor spaces its rounds at random within ±${percent} % of the interval`;
}

/** The network, when a link's latency is a distribution or a link delivers out of order (fixed
 *  latencies in order are the plain case, left unsaid). */
function networkLines(network: NetworkConfig): string[] {
  const links: { where: string; spec: Partial<LinkSpec> }[] = [
    { where: "every link", spec: network.defaults },
    ...network.overrides.map(({ source, target, bothWays, spec }) => ({
      where: `${source}${bothWays ? "<->" : "->"}${target}`,
      spec,
    })),
  ];
  const notable = links.some(
    ({ spec }) => (spec.latency !== undefined && typeof spec.latency !== "number") || spec.reorder,
  );
  if (!notable) return [];
  const phrases = links.flatMap(({ where, spec }) => {
    const parts: string[] = [];
    if (spec.latency !== undefined) {
      const jitter = spec.jitterUs ? ` ± ${spokenDuration(spec.jitterUs)}` : "";
      parts.push(`latency ${describeLatency(spec.latency)}${jitter}`);
    }
    if (spec.reorder !== undefined) parts.push(spec.reorder ? "out of order" : "in order");
    return parts.length === 0 ? [] : [`${where}: ${parts.join(", ")}`];
  });
  return [
    `Network: ${phrases.join("; ")}. On a link in order a late message holds up those behind it.`,
  ];
}

function nodePhrase(node: NodeConfig): string {
  const role =
    node.role === "standby"
      ? `${node.readiness} standby`
      : (node.role as string) === "server"
        ? "pool server"
        : node.role;
  const restarts = node.restart.policy === "always" ? ", restarted when it exits" : "";
  const serves = node.serves === null ? "" : `, serving only ${node.serves.join(", ")}`;
  const scale = node.autoscale;
  const fleet =
    scale === null
      ? ""
      : `, a fleet of ${trimmed(node.capacityPerS / scale.instanceCapacityPerS)} instances of ${trimmed(scale.instanceCapacityPerS)} requests/s scaled out at ${Math.round(scale.targetUtilization * 100)}% (instances serve ${spokenDuration(scale.launchUs)} after launch)`;
  return `${node.name} ${role} in zone ${node.zone}${restarts}${serves}${fleet}`;
}

function clientPhrase(client: ClientConfig): string {
  const rate =
    client.writesPerSecond >= 1
      ? `${trimmed(client.writesPerSecond)}/s`
      : `${trimmed(client.writesPerSecond * 60)}/min`;
  const connections = client.connections > 1 ? ` over ${client.connections} connections` : "";
  const breaker = client.breaker;
  const guarded =
    breaker === null
      ? ""
      : `; a circuit breaker fails their writes at once for ${spokenDuration(breaker.halfOpenAfterUs)} when more than ${breaker.errorThresholdPercentage}% of the calls in ${spokenDuration(breaker.rollingCountTimeoutUs)} failed${breaker.fallback ? ", answering failed writes with a fallback" : ""}`;
  return `Clients: ${client.name} write ${rate} from zone ${client.zone}${connections}, ${routingKindOf(client.routing.kind).describe(client.routing)}; a write unacknowledged after ${spokenDuration(client.timeoutUs)} has failed${guarded}.`;
}

function replicationPhrase(replication: ReplicationConfig): string {
  const shipped = `entries shipped ${spokenDuration(replication.lagUs)} after commit`;
  const standbys = `${replication.waitFor} ${plural(replication.waitFor, "standby")}`;
  switch (replication.mode) {
    case "async":
      return `async — a write is acknowledged at commit, ${shipped}`;
    case "sync":
      return `sync — a write is acknowledged once ${standbys} hold it`;
    case "semi-sync":
      return `semi-sync — a write waits for ${standbys}, but after ${spokenDuration(replication.semiSyncTimeoutUs)} the primary gives up waiting and runs async`;
    case "quorum":
      return `quorum — a write is acknowledged once ${standbys} hold it (a majority with the primary)`;
    case "isr":
      return `Kafka's acks=all — a write is acknowledged once every follower in the in-sync replica set holds it; a follower not caught up for ${spokenDuration(replication.lagTimeMaxUs)} leaves the set, and with fewer than ${replication.minInsync} ${plural(replication.minInsync, "replica")} in it (the leader included) writes are refused`;
  }
}

function failoverPhrase(failover: FailoverConfig): string {
  const who = failover.automatic
    ? `automatic, once ${failover.quorum} ${failover.quorum === 1 ? "monitor suspects" : "monitors suspect"} the primary`
    : failover.operator
      ? `manual: an operator acts ${operatorDelay(failover.operator.minDelayUs, failover.operator.maxDelayUs)} after being paged`
      : "none (no automatic failover, no operator)";
  const fencing = fencingKindOf(failover.fencing).describe();
  const failback = failbackKindOf(failover.failback).describe();
  // The default, a deposed primary following at once, goes without saying.
  const rejoin =
    failover.rejoin === "standby" ? "" : `; ${rejoinKindOf(failover.rejoin).describe(failover)}`;
  const block =
    failover.blockForUs > 0
      ? `; no automatic failover within ${spokenDuration(failover.blockForUs)} of another`
      : "";
  const zones = failover.crossZone ? "" : "; never to a standby in another zone";
  const lag = Number.isFinite(failover.maxLagOnFailoverUs)
    ? `; never to a standby more than ${spokenDuration(failover.maxLagOnFailoverUs)} behind`
    : "";
  return `${who}; ${fencing}; ${failback}${rejoin}${block}${zones}${lag}`;
}

function operatorDelay(minUs: number, maxUs: number): string {
  return minUs === maxUs
    ? spokenDuration(minUs)
    : `${spokenDuration(minUs)}–${spokenDuration(maxUs)}`;
}

/** The metrics in words, then one line per expectation not met. */
export function outcomeLines(metrics: MetricValues, breaches: readonly string[]): string[] {
  return [
    writesLine(metrics),
    partialLine(metrics),
    groupsLine(metrics),
    readsLine(metrics),
    sessionsLine(metrics),
    restartsLine(metrics),
    failoverLine(metrics),
    splitBrainLine(metrics),
    lostLine(metrics),
    timingLine(metrics),
    ...breaches.map((breach) => `Expectation not met: ${breach}.`),
  ].filter((line): line is string => line !== null);
}

function writesLine(metrics: MetricValues): string {
  const attempted = metrics.writes_attempted ?? 0;
  if (attempted === 0) return "No client wrote anything.";
  const acked = metrics.writes_acked ?? 0;
  const failed = metrics.writes_failed ?? 0;
  const availability = `${((acked / attempted) * 100).toFixed(3)}%`;
  const downtime = metrics.downtime_s ?? 0;
  const felt =
    downtime === 0
      ? "clients never waited on a failed write"
      : `clients could not write for ${spokenSeconds(downtime)} in all (downtime)`;
  const fallback = metrics.writes_fallback ?? 0;
  const degraded =
    fallback === 0 ? "" : `, ${count(fallback)} of them answered by a fallback instead of an error`;
  return `Writes: ${count(attempted)} attempted, ${count(acked)} acknowledged, ${count(failed)} failed${degraded} (availability ${availability}); ${felt}.`;
}

function partialLine(metrics: MetricValues): string | null {
  const partialS = metrics.partial_service_s ?? 0;
  if (partialS === 0) return null;
  return `Partial service: for ${spokenSeconds(partialS)} a stand-in that serves only some client groups was primary; it refused the other groups' writes.`;
}

/** Only when the worst-off client group fared worse than the clients as a whole. */
function groupsLine(metrics: MetricValues): string | null {
  const worst = metrics.min_group_availability;
  const all = metrics.availability;
  if (worst === null || all === null || !(worst < all)) return null;
  return `The worst-off client group: availability ${(worst * 100).toFixed(3)}%, ${spokenSeconds(metrics.max_group_downtime_s ?? 0)} of downtime.`;
}

function readsLine(metrics: MetricValues): string | null {
  const attempted = metrics.reads_attempted ?? 0;
  if (attempted === 0) return null;
  const served = metrics.reads_served ?? 0;
  const violations = metrics.ryw_violations ?? 0;
  const stale =
    violations === 0
      ? "every one showed the reader's own last write"
      : `${count(violations)} of them (${((violations / Math.max(served, 1)) * 100).toFixed(1)}%) missed the reader's own last acknowledged write (read-your-writes violations)`;
  return `Reads: ${count(attempted)} attempted, ${count(served)} served, ${count(metrics.reads_failed ?? 0)} failed; ${stale}.`;
}

function sessionsLine(metrics: MetricValues): string | null {
  const lost = metrics.sessions_lost ?? 0;
  if (lost === 0) return null;
  return `Sessions: ${count(lost)} ${plural(lost, "user")} found no session on the server that served them and had to log in again (sessions lost).`;
}

function restartsLine(metrics: MetricValues): string | null {
  const restarts = metrics.restarts ?? 0;
  if (restarts === 0) return null;
  return `Restarts: processes were started again ${count(restarts)} ${plural(restarts, "time")} by their restart policy.`;
}

function failoverLine(metrics: MetricValues): string {
  const failovers = metrics.failovers ?? 0;
  if (failovers === 0) return "No failover happened.";
  const parts = [`${failovers} ${plural(failovers, "failover")}`];
  const falseOnes = metrics.false_failovers ?? 0;
  if (falseOnes > 0)
    parts.push(`${falseOnes} of them false (the replaced primary was still running)`);
  const failbacks = metrics.failbacks ?? 0;
  if (failbacks > 0)
    parts.push(`${failbacks} ${plural(failbacks, "failback")} to the original primary`);
  const flaps = metrics.flaps ?? 0;
  if (flaps > 0)
    parts.push(`${flaps} ${plural(flaps, "flap")} (a role handed back soon after it was taken)`);
  return `Failovers: ${parts.join("; ")}.`;
}

function splitBrainLine(metrics: MetricValues): string {
  const splitS = metrics.split_brain_s ?? 0;
  const divergent = metrics.divergent_writes ?? 0;
  const writes = `${count(divergent)} ${plural(divergent, "write")} went to a deposed primary (divergent)`;
  if (splitS > 0)
    return `Split brain for ${spokenSeconds(splitS)}: two nodes acted as primary at once; ${writes}.`;
  if (divergent > 0) return `Never two running primaries at once, yet ${writes}.`;
  return "No split brain: never two primaries at once.";
}

function lostLine(metrics: MetricValues): string {
  const lost = metrics.lost_writes ?? 0;
  if (lost === 0) return "No acknowledged write was lost.";
  return `Lost: ${count(lost)} acknowledged ${plural(lost, "write")} missing from the final history; the worst stretch of lost data spans ${spokenSeconds(metrics.rpo_s ?? 0)} (RPO).`;
}

function timingLine(metrics: MetricValues): string | null {
  const detection = metrics.detection_s;
  const rto = metrics.rto_s;
  if (detection === null && rto === null) return null;
  const parts = [
    detection === null
      ? "no monitor ever suspected a node"
      : `the first suspicion came ${spokenSeconds(detection)} after the fault (detection)`,
    rto === null
      ? ""
      : rto === 0
        ? "no write failed because of it"
        : `writes were acknowledged again ${spokenSeconds(rto)} after it (RTO)`,
  ].filter(Boolean);
  return `Worst incident: ${parts.join("; ")}.`;
}

function trimmed(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, "");
}
