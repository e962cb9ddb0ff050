// The names a fault or a link override may use: nodes, client groups (each is a network
// endpoint) and zones (each stands for every endpoint placed in it). Built once per scenario after
// nodes and clients are resolved; names are unique across all three kinds, so a name never means
// two things. Nodes and clients are taken as plain placed names, so the language's vocabulary
// needs nothing of the model.

/** Names a node, a client group or a zone (a zone stands for every endpoint in it). */
export type EndpointName = string;

/** A node as the endpoints see it: its name, its zone and its role ("primary", "standby", …). */
export interface PlacedNode {
  readonly name: string;
  readonly zone: string;
  readonly role: string;
}

/** A client group as the endpoints see it. */
export interface PlacedClients {
  readonly name: string;
  readonly zone: string;
}

export interface Endpoints {
  readonly nodeNames: readonly string[];
  /** Database nodes (primary and standbys): what gray failures and clock skew apply to. */
  readonly dataNodeNames: readonly string[];
  readonly clientNames: readonly string[];
  readonly zoneNames: readonly string[];
  /** True for a node, a client group or a zone. */
  isKnown(name: string): boolean;
  isZone(name: string): boolean;
  /** The endpoints a name stands for, in declaration order (nodes first, then client groups). */
  expand(name: string): string[];
  /** "a node, client group or zone: db1, db2, mon, clients, east, west" — for error messages. */
  readonly expectation: string;
}

export function buildEndpoints(
  nodes: readonly PlacedNode[],
  clients: readonly PlacedClients[],
): Endpoints {
  const placed = [...nodes, ...clients].map(({ name, zone }) => ({ name, zone }));
  const nodeNames = nodes.map((node) => node.name);
  const clientNames = clients.map((client) => client.name);
  const zoneNames = [...new Set(placed.map((endpoint) => endpoint.zone))];
  const endpointNames = new Set(placed.map((endpoint) => endpoint.name));
  const zoneSet = new Set(zoneNames);
  return {
    nodeNames,
    dataNodeNames: nodes
      .filter((node) => node.role === "primary" || node.role === "standby")
      .map((node) => node.name),
    clientNames,
    zoneNames,
    isKnown: (name) => endpointNames.has(name) || zoneSet.has(name),
    isZone: (name) => zoneSet.has(name),
    expand: (name) =>
      zoneSet.has(name)
        ? placed.filter((endpoint) => endpoint.zone === name).map((endpoint) => endpoint.name)
        : [name],
    expectation: `a node, client group or zone: ${[...nodeNames, ...clientNames, ...zoneNames].join(", ")}`,
  };
}
