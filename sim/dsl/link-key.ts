// Link keys as scenarios write them: "a<->b" for both directions, "a->b" for one, where a and b
// name endpoints or zones. Used by link overrides (scenario/links.ts) and by faults that degrade
// one link (model/faults/degrade.ts).

export interface LinkKeyParts {
  source: string;
  target: string;
  bothWays: boolean;
}

/** "east<->west" → both ways; "db1->db2" → one way; anything else → undefined. */
export function parseLinkKey(key: string): LinkKeyParts | undefined {
  const both = key.split("<->");
  if (both.length === 2 && both[0] !== "" && both[1] !== "")
    return { source: both[0], target: both[1], bothWays: true };
  const oneWay = key.split("->");
  if (oneWay.length === 2 && oneWay[0] !== "" && oneWay[1] !== "" && !key.includes("<")) {
    return { source: oneWay[0], target: oneWay[1], bothWays: false };
  }
  return undefined;
}
