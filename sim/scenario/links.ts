// Network settings: the default link and per-link overrides keyed "a<->b" (both directions) or
// "a->b" (one way), where a and b name endpoints or zones. Overrides keep only the fields the
// scenario set; how overlapping overrides combine is the model's rule (config.ts). Jitter is
// checked against the latency the override itself sets, or the default latency if it sets none.
import type { LinkOverride, LinkSpec, NetworkConfig } from "../model/index.ts";
import { defaults } from "./defaults.ts";
import {
  failAt,
  formatDuration,
  parseDuration,
  parseLinkKey,
  parseRateOrUnlimited,
  type Endpoints,
  type ResolveContext,
} from "../dsl/index.ts";
import type { ParsedScenario } from "./schema.ts";

type ParsedNetwork = NonNullable<ParsedScenario["network"]>;

export function resolveNetwork(
  network: ParsedNetwork | undefined,
  endpoints: Endpoints,
  context: ResolveContext,
): NetworkConfig {
  const linkDefaults: LinkSpec = {
    latencyUs: network?.latency ?? parseDuration(defaults.network.latency),
    jitterUs: network?.jitter ?? parseDuration(defaults.network.jitter),
    lossProbability: network?.loss ?? defaults.network.loss,
    bandwidthPerS: network?.bandwidth ?? parseRateOrUnlimited(defaults.network.bandwidth),
  };
  checkJitter(linkDefaults, ["network"], context, network?.jitter !== undefined);
  const overrides: LinkOverride[] = [];
  for (const [key, settings] of Object.entries(network?.links ?? {})) {
    const parts = parseLinkKey(key);
    if (parts === undefined)
      throw new Error(`link key ${key} passed the schema but does not parse`);
    for (const name of [parts.source, parts.target]) {
      if (!endpoints.isKnown(name)) {
        failAt(
          context,
          ["network", "links", key],
          `a link between existing names; ${endpoints.expectation}`,
          `unknown name ${JSON.stringify(name)}`,
        );
      }
    }
    const spec: Partial<LinkSpec> = {};
    if (settings.latency !== undefined) spec.latencyUs = settings.latency;
    if (settings.jitter !== undefined) spec.jitterUs = settings.jitter;
    if (settings.loss !== undefined) spec.lossProbability = settings.loss;
    if (settings.bandwidth !== undefined) spec.bandwidthPerS = settings.bandwidth;
    checkJitter(
      { ...linkDefaults, ...spec },
      ["network", "links", key],
      context,
      spec.jitterUs !== undefined,
    );
    overrides.push({ ...parts, spec });
  }
  return { defaults: linkDefaults, overrides };
}

/** Delay is latency ± jitter, so jitter above latency would deliver messages before they are sent. */
function checkJitter(
  { jitterUs, latencyUs }: LinkSpec,
  path: PropertyKey[],
  context: ResolveContext,
  jitterSet = true,
): void {
  if (jitterUs <= latencyUs) return;
  if (jitterSet) {
    failAt(
      context,
      [...path, "jitter"],
      `a jitter no larger than the latency (${formatDuration(latencyUs)}), as a message cannot arrive before it is sent`,
    );
  }
  failAt(
    context,
    [...path, "latency"],
    `a latency no smaller than the jitter it inherits (${formatDuration(jitterUs)}), or a smaller jitter set beside it`,
  );
}
