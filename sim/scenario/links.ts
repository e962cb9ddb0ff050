// Network settings: the default link and per-link overrides keyed "a<->b" (both directions) or
// "a->b" (one way), where a and b name endpoints or zones. Overrides keep only the fields the
// scenario set; how overlapping overrides combine is the model's rule (config.ts). A latency is
// a duration or a distribution (model/latency/); jitter belongs to a fixed latency: it is
// checked against the latency the override itself sets, or the default latency if it sets none,
// and set beside a distribution — which is its own spread — it is an error. The default jitter
// is 0 when the default latency is a distribution.
import type { Latency, LinkOverride, LinkSpec, NetworkConfig } from "../model/index.ts";
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
  const latency: Latency = network?.latency ?? parseDuration(defaults.network.latency);
  const linkDefaults: LinkSpec = {
    latency,
    jitterUs:
      network?.jitter ?? (typeof latency === "number" ? parseDuration(defaults.network.jitter) : 0),
    lossProbability: network?.loss ?? defaults.network.loss,
    bandwidthPerS: network?.bandwidth ?? parseRateOrUnlimited(defaults.network.bandwidth),
    reorder: network?.reorder ?? defaults.network.reorder,
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
    if (settings.latency !== undefined) spec.latency = settings.latency;
    if (settings.jitter !== undefined) spec.jitterUs = settings.jitter;
    // A distribution set here is its own spread: it inherits no jitter.
    else if (settings.latency !== undefined && typeof settings.latency !== "number")
      spec.jitterUs = 0;
    if (settings.loss !== undefined) spec.lossProbability = settings.loss;
    if (settings.bandwidth !== undefined) spec.bandwidthPerS = settings.bandwidth;
    if (settings.reorder !== undefined) spec.reorder = settings.reorder;
    checkJitter(
      { ...linkDefaults, ...spec },
      ["network", "links", key],
      context,
      spec.jitterUs !== undefined && settings.jitter !== undefined,
    );
    overrides.push({ ...parts, spec });
  }
  return { defaults: linkDefaults, overrides };
}

/** Delay is latency ± jitter, so jitter above latency would deliver messages before they are
 *  sent; a distribution has no jitter beside it. */
function checkJitter(
  { jitterUs, latency }: LinkSpec,
  path: PropertyKey[],
  context: ResolveContext,
  jitterSet = true,
): void {
  if (typeof latency !== "number") {
    if (jitterUs === 0) return;
    failAt(
      context,
      [...path, "jitter"],
      `no jitter beside a latency distribution, which is its own spread: remove it or set it to "0s"`,
    );
  }
  if (jitterUs <= latency) return;
  if (jitterSet) {
    failAt(
      context,
      [...path, "jitter"],
      `a jitter no larger than the latency (${formatDuration(latency)}), as a message cannot arrive before it is sent`,
    );
  }
  failAt(
    context,
    [...path, "latency"],
    `a latency no smaller than the jitter it inherits (${formatDuration(jitterUs)}), or a smaller jitter set beside it`,
  );
}
