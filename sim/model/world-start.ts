// A run's first events, scheduled before anything happens: each data node's starting role in the
// trace, the scenario's faults at their times, each monitor's first heartbeat, each data node's
// status tick (every node may become a standby) and lease renewal (when a detector or the fencing
// listens to leases), a cold standby's base backups and log archives, and the clients' first
// requests. The run ends once the clients' writes in flight have drained after the duration.
import type { ClientGroup } from "./client-group.ts";
import type { Cast } from "./cast.ts";
import { detectorKindOf } from "./detectors/index.ts";
import { drainUs } from "./drain.ts";
import { fencingMechanisms } from "./fencing/index.ts";
import type { WorldEvent } from "./messages.ts";
import type { TraceEvent } from "./trace.ts";
import type { WorldConfig } from "./world-config.ts";

export interface Starting {
  readonly config: WorldConfig;
  readonly cast: Cast;
  emit(event: TraceEvent): void;
  at(timeUs: number, event: WorldEvent): void;
  after(delayUs: number, event: WorldEvent): void;
}

/** Schedules the run's first events; returns the time (µs) at which the run ends. */
export function startWorld(world: Starting): number {
  const { replication, failover, detector, clients, faults } = world.config;
  const { dataNodes, monitors } = world.cast;
  for (const node of dataNodes)
    world.emit({ kind: "role", tUs: 0, node: node.name, role: node.role, epoch: node.epoch });
  for (const { atUs, fault, aim } of faults)
    world.at(atUs, aim === undefined ? { kind: "fault", fault } : { kind: "fault", fault, aim });
  for (const monitor of monitors) world.at(0, { kind: "heartbeat", monitor: monitor.index });
  const leases =
    detectorKindOf(detector.kind).heardBy === "leases" ||
    fencingMechanisms(failover.fencing).holdsLease;
  for (const node of dataNodes) {
    world.after(replication.statusIntervalUs, { kind: "status-tick", node: node.index });
    if (leases) world.at(0, { kind: "renew-tick", node: node.index });
    if (node.config.readiness !== "cold" || node.config.role !== "standby") continue;
    world.at(0, { kind: "backup", node: node.index });
    if (node.config.archiveEveryUs > 0)
      world.at(node.config.archiveEveryUs, { kind: "archive", node: node.index });
  }
  for (const server of world.cast.servers)
    if (server.config.autoscale !== null)
      world.after(server.config.autoscale.periodUs, { kind: "autoscale-tick", node: server.index });
  for (const client of world.cast.clients as readonly ClientGroup[]) client.start();
  return world.config.durationUs + drainUs(clients);
}
