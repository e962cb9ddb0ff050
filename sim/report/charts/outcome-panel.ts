// One client group's panel of the writes and reads charts: requests issued per second, stacked by
// outcome in the legend's order, as steps over the time buckets, with the run's context (fault
// periods shaded, promotions marked) on top. The rows come from the named dataset, filtered to
// the group; each row has a rate per outcome name.
import { spokenDuration } from "../../dsl/index.ts";
import { contextLayers, type ChartContext } from "./context-layers.ts";
import { colorEncoding, plotWidth, type ColorScale } from "./theme.ts";
import type { TimeAxis } from "./time-axis.ts";

const panelHeightPx = 150;

export interface OutcomePanel {
  /** The chart's dataset of rows ("writes", "reads"). */
  dataset: string;
  client: string;
  /** Outcome names, bottom of the stack first. */
  outcomes: readonly string[];
  /** What is counted, for the y axis: "writes/s". */
  unit: string;
  colors: ColorScale;
  context: ChartContext;
  axis: TimeAxis;
  bucketUs: number;
}

export function outcomePanel({
  dataset,
  client,
  outcomes,
  unit,
  colors,
  context,
  axis,
  bucketUs,
}: OutcomePanel): object {
  const xTitle = `${axis.title()}, ${spokenDuration(bucketUs)} buckets`;
  return {
    title: { text: `client group ${client}`, fontSize: 12, fontWeight: "normal" },
    width: plotWidth,
    height: panelHeightPx,
    layer: [
      {
        data: { name: dataset },
        transform: [
          { filter: { field: "client", equal: client } },
          { fold: outcomes, as: ["outcome", "rate"] },
          { calculate: `indexof(${JSON.stringify(outcomes)}, datum.outcome)`, as: "rank" },
        ],
        mark: { type: "area", interpolate: "step-after" },
        encoding: {
          x: { field: "t", type: "quantitative", scale: axis.scale(), title: xTitle },
          y: { field: "rate", type: "quantitative", stack: "zero", title: unit },
          color: colorEncoding("outcome", colors),
          order: { field: "rank", type: "quantitative" },
        },
      },
      ...contextLayers(context, axis, xTitle, colors),
    ],
  };
}
