// zoneOutage(zone): every process placed in the zone — database nodes, monitors, pool servers —
// crashes at once; zoneRestore(zone) restarts every one of them. The fuzzer takes a zone down for
// the episode when the scenario has two zones or more.
import * as z from "zod";
import { failAt, strict } from "../../dsl/index.ts";
import { pick } from "./draws.ts";
import type { EpisodeShape, FaultKindModule } from "./fault-kind.ts";
import { expand, watched } from "./reach.ts";
import { faultName } from "./schemas.ts";
import { quoted } from "./words.ts";

export type ZoneOutageSpec = { kind: "zone-outage"; zone: string; restore: boolean };

/** Every node of the zone crashes at once; zoneRestore restarts them. */
export function zoneOutage(zone: string): ZoneOutageSpec {
  return { kind: "zone-outage", zone, restore: false };
}

export function zoneRestore(zone: string): ZoneOutageSpec {
  return { kind: "zone-outage", zone, restore: true };
}

/** `restore`: every node of the zone restarts. */
type ZoneOutageFault = { kind: "zone-outage"; zone: string; restore: boolean };
type ZoneOutageEpisode = { kind: "zone-outage"; zone: string };

const isZoneOutage = (fault: { readonly kind: string } | undefined): fault is ZoneOutageFault =>
  fault?.kind === "zone-outage";

const schema = strict(
  { kind: z.literal("zone-outage"), zone: faultName, restore: z.boolean() },
  "zoneOutage(zone) or zoneRestore(zone)",
);

const episode: EpisodeShape<ZoneOutageEpisode> = {
  offered: (space) => space.zones.length > 1,
  draw: (rng, space) => ({ kind: "zone-outage", zone: pick(rng, space.zones) }),
  repairable: true,
  entries: ({ zone }) => ({ start: zoneOutage(zone), repair: zoneRestore(zone) }),
  names: ({ zone }) => [zone],
};

const kind: FaultKindModule<
  ZoneOutageFault,
  ZoneOutageSpec,
  z.output<typeof schema>,
  { "zone-outage": typeof episode }
> = {
  builders: ["zoneOutage()", "zoneRestore()"],
  schema,
  resolve: (spec, site) => {
    const { endpoints } = site;
    if (!endpoints.isZone(spec.zone))
      failAt(site.context, [...site.path, "zone"], `a zone: ${endpoints.zoneNames.join(", ")}`);
    return { kind: "zone-outage", zone: spec.zone, restore: spec.restore };
  },
  apply: (fault, world) => {
    for (const process of world.processesIn(fault.zone)) {
      if (fault.restore && !process.up) {
        process.restart();
        world.supervisor.started(process);
      }
      if (!fault.restore && process.up) {
        process.crash();
        world.crashed(process);
      }
    }
  },
  label: (fault) => (fault.restore ? `zone ${fault.zone} restored` : `zone ${fault.zone} outage`),
  node: (fault) => fault.zone,
  explain: (fault, _label, world) => {
    const members = world.nodes.filter((node) => node.zone === fault.zone).map((node) => node.name);
    const who = members.length > 0 ? ` (${members.join(", ")})` : "";
    return fault.restore
      ? `Repair: zone ${fault.zone} is back; its nodes restart${who}.`
      : `Fault: zone ${fault.zone} goes dark; every node in it crashes at once${who}.`;
  },
  startsOrStops: (fault) => [fault.restore ? "up" : "down"],
  disruptive: (fault) => !fault.restore,
  reach: (fault, topology) => watched(topology, expand(topology, [fault.zone])),
  repairedBy: (event, fault) =>
    event.kind === "fault" &&
    isZoneOutage(event.fault) &&
    event.fault.zone === fault.zone &&
    event.fault.restore,
  knownEndUs: () => Infinity,
  source: (spec) => `${spec.restore ? "zoneRestore" : "zoneOutage"}(${quoted(spec.zone)})`,
  episodes: { "zone-outage": episode },
};
export default kind;
