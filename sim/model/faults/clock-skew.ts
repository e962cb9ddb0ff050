// clockSkew(node, { rate, jump }): the database node's clock runs at `rate` times real time from
// now on, after jumping by `jump` ("-30s" goes back). Only the node's own judgement of time
// changes — its lease (lease-holder.ts); it disturbs nothing by itself and ends at another
// clockSkew. The fuzzer either sets a rate in [0.5, 2] or jumps ±1..60 s, and sets it back after
// the episode.
import * as z from "zod";
import { durationText, spokenDuration, strict, type Duration } from "../../dsl/index.ts";
import { pick } from "./draws.ts";
import type { EpisodeShape, FaultKindModule } from "./fault-kind.ts";
import { dataNodeAt, signedDurationAt } from "./names.ts";
import { faultName } from "./schemas.ts";
import { quoted } from "./words.ts";

/** `jump` may be negative ("-30s"): the clock goes back. */
export type ClockSkewSpec = {
  kind: "clock-skew";
  node: string;
  rate?: number;
  jump?: Duration | `-${Duration}`;
};

/** The node's clock runs at `rate` times real time and/or jumps by `jump` ("-30s" goes back). */
export function clockSkew(
  node: string,
  options: { rate?: number; jump?: Duration | `-${Duration}` },
): ClockSkewSpec {
  return { kind: "clock-skew", node, ...options };
}

type ClockSkewFault = { kind: "clock-skew"; node: string; rate: number; jumpUs: number };
/** The clock runs at `rate` after jumping by `jumpUs`; the repair undoes both. */
type ClockSkewEpisode = { kind: "clock-skew"; node: string; rate: number; jumpUs: number };

const rateExpectation = "a clock rate above 0, like 0.5 or 2";
const schema = strict(
  {
    kind: z.literal("clock-skew"),
    node: faultName,
    rate: z.number({ error: rateExpectation }).positive({ error: rateExpectation }).optional(),
    jump: z.string({ error: `a duration like "30s" or "-30s"` }).optional(),
  },
  "clockSkew(node, { rate, jump })",
);

const signedText = (us: number): Duration | `-${Duration}` =>
  us < 0 ? `-${durationText(-us)}` : durationText(us);

const episode: EpisodeShape<ClockSkewEpisode> = {
  offered: (space) => space.dataNodes.length > 0,
  draw: (rng, space) => {
    const node = pick(rng, space.dataNodes);
    if (rng.chance(0.5))
      return { kind: "clock-skew", node, rate: Math.round(rng.uniform(50, 200)) / 100, jumpUs: 0 };
    const jumpUs = (1 + rng.int(60)) * 1_000_000 * (rng.chance(0.5) ? -1 : 1);
    return { kind: "clock-skew", node, rate: 1, jumpUs };
  },
  repairable: true,
  entries: ({ node, rate, jumpUs }) => {
    const skew = { rate, ...(jumpUs !== 0 && { jump: signedText(jumpUs) }) };
    const back = { rate: 1, ...(jumpUs !== 0 && { jump: signedText(-jumpUs) }) };
    return { start: clockSkew(node, skew), repair: clockSkew(node, back) };
  },
  names: ({ node }) => [node],
};

const kind: FaultKindModule<
  ClockSkewFault,
  ClockSkewSpec,
  z.output<typeof schema>,
  { "clock-skew": typeof episode }
> = {
  builders: ["clockSkew()"],
  schema,
  resolve: (spec, site) => {
    const node = dataNodeAt(spec.node, "node", site);
    return {
      kind: "clock-skew",
      node,
      rate: spec.rate ?? 1,
      jumpUs: signedDurationAt(spec.jump, "jump", site),
    };
  },
  apply: (fault, world) => world.dataNode(fault.node).skewClock(fault.rate, fault.jumpUs),
  label: (fault) =>
    `clock of ${fault.node}: rate ${fault.rate}${fault.jumpUs !== 0 ? `, jump ${fault.jumpUs / 1e6} s` : ""}`,
  node: (fault) => fault.node,
  explain: (fault) => {
    const jump = fault.jumpUs !== 0 ? `, after jumping by ${spokenDuration(fault.jumpUs)}` : "";
    return `Fault: ${fault.node}'s clock now runs at ${fault.rate} × real time${jump}.`;
  },
  startsOrStops: () => [],
  disruptive: () => false,
  reach: () => new Set(),
  repairedBy: () => false,
  knownEndUs: () => Infinity,
  source: (spec) => {
    const options = [
      spec.rate !== undefined ? `rate: ${spec.rate}` : "",
      spec.jump !== undefined ? `jump: ${quoted(spec.jump)}` : "",
    ].filter(Boolean);
    return `clockSkew(${quoted(spec.node)}, { ${options.join(", ")} })`;
  },
  episodes: { "clock-skew": episode },
};
export default kind;
