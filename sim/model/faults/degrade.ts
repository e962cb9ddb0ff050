// loss(), delay() and flaky(): a degraded link — messages between the groups (a link "a<->b", or
// a name's links with everything else) are lost with a probability and/or take longer (a fixed
// extra delay, or one drawn per message from a latency distribution), or the links are cut for
// `down` then fine for `up`, over and over. It lasts `for` (until heal() when none); several
// degradations of one link combine (network.ts). The fuzzer draws each of the three builders as
// an episode of its own, lasting the episode; a delay is a distribution one time in four.
import * as z from "zod";
import {
  duration,
  durationText,
  failAt,
  parseLinkKey,
  probability,
  strict,
  type Duration,
} from "../../dsl/index.ts";
import {
  drawLatency,
  latencyKinds,
  latencySchema,
  latencyPhrase,
  type Latency,
  type LatencyText,
} from "../latency/index.ts";
import { endpointsOf, pick, roundMs } from "./draws.ts";
import type { EpisodeShape, FaultKindModule, FaultTarget } from "./fault-kind.ts";
import { isHeal } from "./heal.ts";
import { groupsAt } from "./names.ts";
import { acrossSet, betweenGroups, cutFromAWatcher, expand } from "./reach.ts";
import { faultName } from "./schemas.ts";
import { quoted } from "./words.ts";

/** A node, client group or zone (its links with everything else), or a link "a<->b". */
export type LinkTarget = string;

export type DegradeSpec = {
  kind: "degrade";
  target: LinkTarget;
  loss?: number;
  delay?: LatencyText;
  flaky?: { down: Duration; up: Duration };
  for?: Duration;
};

/** Messages on the target's links are lost with `probability` (until heal(), or for `options.for`). */
export function loss(
  target: LinkTarget,
  probability: number,
  options: { for?: Duration } = {},
): DegradeSpec {
  return { kind: "degrade", target, loss: probability, ...options };
}

/** Messages on the target's links take `extra` longer — a duration, or a latency distribution
 *  drawn per message: a latency spike (until heal(), or for `options.for`). */
export function delay(
  target: LinkTarget,
  extra: LatencyText,
  options: { for?: Duration } = {},
): DegradeSpec {
  return { kind: "degrade", target, delay: extra, ...options };
}

/** The target's links fail for `down`, work for `up`, over and over (until heal(), or for `for`). */
export function flaky(
  target: LinkTarget,
  options: { down: Duration; up: Duration; for?: Duration },
): DegradeSpec {
  const { down, up, ...rest } = options;
  return { kind: "degrade", target, flaky: { down, up }, ...rest };
}

/** Links between the groups (or between `groups[0]` and everything else when there is one group)
 *  lose messages with `lossProbability` and/or take `extraDelayUs` longer (fixed µs, or a
 *  distribution drawn per message); with `flaky`, they are
 *  instead cut for `downUs` then fine for `upUs`, over and over. Lasts `durationUs` (0: until heal()). */
type DegradeFault = {
  kind: "degrade";
  groups: string[][];
  lossProbability: number;
  extraDelayUs: Latency;
  flaky: { downUs: number; upUs: number } | null;
  durationUs: number;
};

const schema = strict(
  {
    kind: z.literal("degrade"),
    target: faultName,
    loss: probability.optional(),
    delay: latencySchema.optional(),
    flaky: strict(
      { down: duration({ positive: true }), up: duration({ positive: true }) },
      "flaky settings { down, up }",
    ).optional(),
    for: duration().optional(),
  },
  "loss(target, p), delay(target, extra) or flaky(target, { down, up })",
);

type LossEpisode = { kind: "loss"; target: string; probability: number };
type DelayEpisode = { kind: "delay"; target: string; extra: LatencyText };
type FlakyEpisode = { kind: "flaky"; target: string; downUs: number; upUs: number };

const lasting = (lengthUs: number) => ({ for: durationText(lengthUs) });

const episodes = {
  loss: {
    offered: () => true,
    draw: (rng, space) => ({
      kind: "loss",
      target: pick(rng, endpointsOf(space)),
      probability: Math.round(rng.uniform(10, 100)) / 100,
    }),
    repairable: false,
    entries: ({ target, probability }, lengthUs) => ({
      start: loss(target, probability, lasting(lengthUs)),
      repair: null,
    }),
    names: ({ target }) => [target],
  } satisfies EpisodeShape<LossEpisode>,
  delay: {
    offered: () => true,
    draw: (rng, space) => ({
      kind: "delay",
      target: pick(rng, endpointsOf(space)),
      extra: drawLatency(rng, rng.chance(0.25) ? pick(rng, latencyKinds) : "fixed", (inner) =>
        durationText(roundMs(inner.uniform(50_000, 2_000_000))),
      ),
    }),
    repairable: false,
    entries: ({ target, extra }, lengthUs) => ({
      start: delay(target, extra, lasting(lengthUs)),
      repair: null,
    }),
    names: ({ target }) => [target],
  } satisfies EpisodeShape<DelayEpisode>,
  flaky: {
    offered: () => true,
    draw: (rng, space) => ({
      kind: "flaky",
      target: pick(rng, endpointsOf(space)),
      downUs: roundMs(rng.uniform(500_000, 5_000_000)),
      upUs: roundMs(rng.uniform(500_000, 5_000_000)),
    }),
    repairable: false,
    entries: ({ target, downUs, upUs }, lengthUs) => ({
      start: flaky(target, {
        down: durationText(downUs),
        up: durationText(upUs),
        ...lasting(lengthUs),
      }),
      repair: null,
    }),
    names: ({ target }) => [target],
  } satisfies EpisodeShape<FlakyEpisode>,
};

const kind: FaultKindModule<DegradeFault, DegradeSpec, z.output<typeof schema>, typeof episodes> = {
  builders: ["loss()", "delay()", "flaky()"],
  schema,
  resolve: (spec, site) => {
    const link = parseLinkKey(spec.target);
    const groups = groupsAt(
      link ? [[link.source], [link.target]] : [[spec.target]],
      ["target"],
      site,
    );
    if (spec.loss === undefined && spec.delay === undefined && spec.flaky === undefined) {
      failAt(
        site.context,
        site.path,
        "a loss probability, an extra delay or flaky settings (loss(), delay() or flaky())",
      );
    }
    return {
      kind: "degrade",
      groups,
      lossProbability: spec.loss ?? 0,
      extraDelayUs: spec.delay ?? 0,
      flaky: spec.flaky ? { downUs: spec.flaky.down, upUs: spec.flaky.up } : null,
      durationUs: spec.for ?? 0,
    };
  },
  apply: applyDegrade,
  label: (fault) => {
    const where =
      fault.groups.map((group) => group.join(",")).join(" <-> ") +
      (fault.groups.length === 1 ? " <-> rest" : "");
    const what = fault.flaky
      ? `flaky (down ${fault.flaky.downUs / 1e6} s, up ${fault.flaky.upUs / 1e6} s)`
      : [
          fault.lossProbability > 0 ? `loss ${fault.lossProbability}` : "",
          typeof fault.extraDelayUs !== "number"
            ? `+(${latencyPhrase(fault.extraDelayUs)})`
            : fault.extraDelayUs > 0
              ? `+${fault.extraDelayUs / 1e3} ms`
              : "",
        ]
          .filter(Boolean)
          .join(", ");
    return `degrade ${where}: ${what}${fault.durationUs > 0 ? ` for ${fault.durationUs / 1e6} s` : ""}`;
  },
  node: () => "",
  explain: (_fault, label) => `Fault: ${label}.`,
  startsOrStops: () => [],
  disruptive: () => true,
  reach: (fault, topology) => {
    const groups = fault.groups.map((group) => expand(topology, group));
    return cutFromAWatcher(
      topology,
      groups.length === 1 ? acrossSet(groups[0]) : betweenGroups(groups),
    );
  },
  repairedBy: (event) => isHeal(event),
  knownEndUs: (fault, startUs) => (fault.durationUs > 0 ? startUs + fault.durationUs : Infinity),
  source: degradeSource,
  episodes,
};
export default kind;

function applyDegrade(fault: DegradeFault, world: FaultTarget): void {
  const { network } = world;
  const id = world.nextCutId();
  const inside = network.resolve(fault.groups[0]);
  const groups =
    fault.groups.length === 1
      ? [
          inside,
          network.endpoints.map((_, index) => index).filter((index) => !inside.includes(index)),
        ]
      : fault.groups.map((names) => network.resolve(names));
  const untilUs = fault.durationUs > 0 ? world.nowUs + fault.durationUs : Infinity;
  if (fault.flaky === null) {
    network.degradeBetween(id, groups, fault.lossProbability, fault.extraDelayUs);
    if (untilUs !== Infinity) world.later(fault.durationUs, () => network.heal(id));
    return;
  }
  // `id` marks the flaky link as active, so that heal() stops the toggling; `cutId` is its cut.
  network.degradeBetween(id, groups, 0, 0);
  const cutId = world.nextCutId();
  const { downUs, upUs } = fault.flaky;
  const toggle = (down: boolean): void => {
    if (!network.holds(id) || world.nowUs >= untilUs) {
      network.heal(id);
      network.heal(cutId);
      return;
    }
    if (down) network.cutBetween(cutId, groups);
    else network.heal(cutId);
    world.later(down ? downUs : upUs, () => toggle(!down));
  };
  world.later(0, () => toggle(true));
}

/** The builder a degradation was made with: flaky(), delay() or loss(). */
function degradeSource(spec: DegradeSpec): string {
  const lastingFor = spec.for !== undefined ? `for: ${quoted(spec.for)}` : "";
  const options = (...fields: string[]) => {
    const present = fields.filter(Boolean);
    return present.length > 0 ? `, { ${present.join(", ")} }` : "";
  };
  if (spec.flaky)
    return `flaky(${quoted(spec.target)}${options(`down: ${quoted(spec.flaky.down)}`, `up: ${quoted(spec.flaky.up)}`, lastingFor)})`;
  if (spec.delay !== undefined)
    return `delay(${quoted(spec.target)}, ${JSON.stringify(spec.delay)}${options(lastingFor)})`;
  return `loss(${quoted(spec.target)}, ${spec.loss ?? 0}${options(lastingFor)})`;
}
