// Who holds a role right now, for faults aimed at a role (aim.ts): the primary and the standbys
// by the role each data node holds at this moment, monitors, witnesses and pool servers by their
// place in the scenario — each only while its process is up.
import type { RngStreams } from "../engine/index.ts";
import type { AimRole, AimWorld } from "./aim.ts";
import type { Cast } from "./cast.ts";
import type { WorldConfig } from "./world-config.ts";

export function aimWorld(cast: Cast, config: WorldConfig, rng: RngStreams): AimWorld {
  const up = (name: string) => (cast.byName.get(name) as { up?: boolean }).up !== false;
  return {
    holders: (role: AimRole) =>
      role === "primary" || role === "standby"
        ? cast.dataNodes.filter((node) => node.up && node.role === role).map((node) => node.name)
        : config.nodes
            .filter((node) => node.role === role && up(node.name))
            .map((node) => node.name),
    endpointNames: [...config.nodes, ...config.clients].map((endpoint) => endpoint.name),
    stream: (name) => rng.stream(name),
  };
}
