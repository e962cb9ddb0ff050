// The timeline chart: who was primary when. One lane per node (monitors too), coloured by what
// the node was doing — its process state when that is not "up" (down, paused, booting …),
// otherwise its role (primary, standby, promoting, catching-up, fenced …); a monitor that is up
// is "running". Under each data node, one lane per monitor shows when that monitor suspected it,
// so a detector's mistakes sit right under the truth; under each pool server, one lane per load
// balancer shows when it had the server out of rotation. Fault periods are shaded and faults and
// promotions labelled (context-layers.ts).
// Generic over names: any state or role the model emits gets a band and a legend entry; a lane
// kind the timeline adds later gets a lane of its own. Data: the run's timeline rows (one per
// interval — they grow with the number of changes, like timeline.csv, not with run length).
import type { TimelineRow } from "../../metrics/timeline.ts";
import type { RunSeries } from "../../metrics/series.ts";
import { chartContext, contextLayers, withFaultColor } from "./context-layers.ts";
import { chartConfig, colorEncoding, colorScale, plotWidth, stateColors } from "./theme.ts";
import { TimeAxis } from "./time-axis.ts";
import { defineChart } from "./run-chart.ts";

const laneHeightPx = 22;
const suspectedState = "suspected";
const outState = "out of rotation";

export interface Band {
  lane: string;
  state: string;
  start: number;
  end: number;
}

export interface TimelineChartInput {
  name: string;
  seed: number;
  timeline: readonly TimelineRow[];
  series: RunSeries;
}

function timelineSpec(input: TimelineChartInput): object {
  const axis = new TimeAxis(input.series.endUs);
  const context = chartContext(input.series, axis);
  const { lanes, bands } = laneBands(input.timeline, axis);
  const states = withFaultColor(
    context,
    colorScale(
      bands.map((band) => band.state),
      stateColors,
      "role / state",
    ),
  );
  const title = timelineTitle(input.timeline);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: title.text,
      subtitle: `${input.name} · seed ${input.seed} · ${title.subtitle}`,
    },
    width: plotWidth,
    height: Math.max(1, lanes.length) * laneHeightPx,
    config: chartConfig(),
    datasets: { bands, ...context.datasets },
    layer: [
      {
        data: { name: "bands" },
        mark: { type: "rect" },
        encoding: {
          x: { field: "start", type: "quantitative", scale: axis.scale(), title: axis.title() },
          x2: { field: "end" },
          y: {
            field: "lane",
            type: "nominal",
            sort: lanes,
            scale: { domain: lanes, paddingInner: 0.2 },
            title: null,
            axis: { labelLimit: 240, ticks: false, domain: false },
          },
          color: colorEncoding("state", states),
          tooltip: [
            { field: "lane", title: "lane" },
            { field: "state", title: "state" },
            { field: "start", title: `from (${axis.unit.symbol})` },
            { field: "end", title: `to (${axis.unit.symbol})` },
          ],
        },
      },
      ...contextLayers(context, axis, axis.title(), states),
    ],
  };
}

/** A database cluster's timeline is about who was primary; a pool's, about who was serving. */
function timelineTitle(rows: readonly TimelineRow[]): { text: string; subtitle: string } {
  const database = rows.some((row) => row.kind === "role");
  const pool = rows.some((row) => row.kind.startsWith("lb:"));
  if (!database && pool) {
    return {
      text: "Which servers were up and in rotation",
      subtitle:
        "one lane per node; the lanes under a server show when a load balancer had it out of rotation",
    };
  }
  const under = pool
    ? "when a monitor suspected it, or a load balancer had it out of rotation"
    : "when a monitor suspected it";
  return {
    text: "Who was primary when",
    subtitle: `one lane per node; the lanes under a node show ${under}`,
  };
}

/** The lanes, top to bottom, and their bands: each node's main lane, then its verdict lanes,
 *  then its load-balancer lanes, then any other lane kind, in the timeline's own node order. */
export function laneBands(
  rows: readonly TimelineRow[],
  axis: TimeAxis,
): { lanes: string[]; bands: Band[] } {
  const byNode = new Map<string, Map<string, TimelineRow[]>>();
  for (const row of rows) {
    let kinds = byNode.get(row.node);
    if (!kinds) byNode.set(row.node, (kinds = new Map()));
    let list = kinds.get(row.kind);
    if (!list) kinds.set(row.kind, (list = []));
    list.push(row);
  }
  const lanes: string[] = [];
  const bands: Band[] = [];
  const add = (lane: string, intervals: { state: string; startUs: number; endUs: number }[]) => {
    lanes.push(lane);
    for (const { state, startUs, endUs } of intervals)
      bands.push({ lane, state, start: axis.at(startUs), end: axis.at(endUs) });
  };
  for (const [node, kinds] of byNode) {
    add(node, mainLane(kinds.get("state") ?? [], kinds.get("role") ?? []));
    for (const [kind, list] of kinds) {
      if (!kind.startsWith("verdict:")) continue;
      const suspected = list.filter((row) => row.state !== "trust");
      add(
        `${node} · suspected by ${kind.slice("verdict:".length)}`,
        suspected.map((row) => ({
          ...row,
          state: row.state === "suspect" ? suspectedState : row.state,
        })),
      );
    }
    // One balancer: "web1 · out of rotation"; several: "web1 · out at <group>".
    const balancers = [...kinds.keys()].filter((kind) => kind.startsWith("lb:"));
    for (const kind of balancers) {
      const out = kinds
        .get(kind)!
        .filter((row) => row.state === "out")
        .map((row) => ({ ...row, state: outState }));
      add(
        balancers.length === 1
          ? `${node} · out of rotation`
          : `${node} · out at ${kind.slice("lb:".length)}`,
        out,
      );
    }
    for (const [kind, list] of kinds) {
      if (
        kind !== "state" &&
        kind !== "role" &&
        !kind.startsWith("verdict:") &&
        !kind.startsWith("lb:")
      )
        add(`${node} · ${kind}`, list);
    }
  }
  return { lanes, bands };
}

/** A node's process state and role merged into one sequence of intervals: the state when it is
 *  not "up", else the role; "running" for a node that is up without a role (a monitor). */
export function mainLane(stateRows: readonly TimelineRow[], roleRows: readonly TimelineRow[]) {
  const cuts = [
    ...new Set([...stateRows, ...roleRows].flatMap((row) => [row.startUs, row.endUs])),
  ].sort((a, b) => a - b);
  const merged: { state: string; startUs: number; endUs: number }[] = [];
  let s = 0;
  let r = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [startUs, endUs] = [cuts[i], cuts[i + 1]];
    while (s < stateRows.length && stateRows[s].endUs <= startUs) s++;
    while (r < roleRows.length && roleRows[r].endUs <= startUs) r++;
    const state =
      s < stateRows.length && stateRows[s].startUs <= startUs ? stateRows[s].state : null;
    const role = r < roleRows.length && roleRows[r].startUs <= startUs ? roleRows[r].state : null;
    const shown =
      state !== null && state !== "up" ? state : (role ?? (state === "up" ? "running" : null));
    if (shown === null) continue;
    const last = merged[merged.length - 1];
    if (last && last.state === shown && last.endUs === startUs) last.endUs = endUs;
    else merged.push({ state: shown, startUs, endUs });
  }
  return merged;
}

export const timelineChart = defineChart({
  name: "timeline",
  absence: () => null,
  title: (input) =>
    input.timeline.some((row) => row.kind === "role")
      ? "Who was primary when"
      : "Which servers were up and in rotation",
  caption:
    "One lane per node, coloured by its role (or by its process state when it is not running normally); " +
    "the lanes under a database node show when each monitor suspected it, those under a pool server when a load " +
    "balancer had it out of rotation. Grey shading marks fault periods (darker and hatched: never repaired); " +
    "dashed lines mark promotions.",
  spec: timelineSpec,
});
