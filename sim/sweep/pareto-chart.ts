// The `pareto` chart of a sweep: every setting as a point, its mean downtime across and its mean
// false failovers up, coloured by its mean lost writes — the trade-off on one page, not per x
// value. The Pareto-optimal settings (pareto.ts) are ringed, named in the legend and labelled
// with the whole setting ("detector.timeout=3s, replication.mode=sync"); settings on the same
// spot share one label ("… (and 1 alike)") and one ring. Means are those of
// aggregate.csv. The ring and label layers here are shared with the other sweep charts.
import { chartConfig, plotWidth } from "../report/charts/theme.ts";
import type { PointStatistics } from "./aggregate.ts";
import { settingMeans, settingText } from "./pareto.ts";
import type { Grid } from "./grid.ts";

export interface SweepChart {
  /** File name stem: charts/<name>.vl.json (and .svg, .png). */
  name: string;
  title: string;
  spec: object;
}

/** The legend entry and look of a Pareto-optimal setting's ring. */
export const paretoMark = { legend: "Pareto-optimal setting", color: "#1a202c" } as const;
/** At most this many rings are labelled in a chart (the rest are ringed only). */
export const maxParetoLabels = 12;

/** A ring round each Pareto-optimal setting (named in the legend), and its label above it
 *  (`label`: the field of the datum to show). */
export function paretoLayers(x: object, y: object, label: string): object[] {
  const only = { filter: "datum.pareto" };
  return [
    {
      transform: [only],
      mark: { type: "point", filled: false, size: 260, strokeWidth: 2 },
      encoding: {
        x,
        y,
        shape: {
          datum: paretoMark.legend,
          type: "nominal",
          scale: { domain: [paretoMark.legend], range: ["diamond"] },
          legend: { title: null, symbolStrokeColor: paretoMark.color, symbolFillColor: "white" },
        },
        stroke: { value: paretoMark.color },
      },
    },
    {
      transform: [
        only,
        { window: [{ op: "row_number", as: "rank" }] },
        { filter: `datum.rank <= ${maxParetoLabels}` },
      ],
      mark: { type: "text", dy: -14, fontSize: 10, color: paretoMark.color },
      encoding: { x, y, text: { field: label } },
    },
  ];
}

export function paretoChart(
  grid: Grid,
  stats: readonly PointStatistics[],
  optimal: ReadonlySet<number>,
  seedCount: number,
): SweepChart {
  const labelled = labelledSettings(grid, stats, optimal);
  const x = { field: "downtime", type: "quantitative", title: "mean downtime (s)" };
  const y = { field: "falseFailovers", type: "quantitative", title: "mean false failovers" };
  return {
    name: "pareto",
    title: "Downtime against false failovers: every setting, the Pareto-optimal ones labelled",
    spec: {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      title: {
        text: "Downtime against false failovers",
        subtitle: `one point per setting: means over ${seedCount} seed${seedCount === 1 ? "" : "s"}; colour: mean lost writes`,
      },
      config: chartConfig(),
      width: plotWidth,
      height: 320,
      data: { values: labelled },
      layer: [
        {
          mark: { type: "point", filled: true, size: 70 },
          encoding: {
            x,
            y,
            color: {
              field: "lostWrites",
              type: "quantitative",
              title: "mean lost writes",
              scale: { scheme: "orangered" },
            },
            tooltip: [
              { field: "setting" },
              { field: "downtime", format: ".3f" },
              { field: "falseFailovers", format: ".3f" },
              { field: "lostWrites", format: ".1f" },
            ],
          },
        },
        ...paretoLayers(x, y, "label"),
      ],
    },
  };
}

/** Each setting's means, with a label; settings on the same spot share one label (the first,
 *  and how many more) and one ring. */
function labelledSettings(
  grid: Grid,
  stats: readonly PointStatistics[],
  optimal: ReadonlySet<number>,
) {
  const values = settingMeans(stats)
    .filter((s) => s.means.downtime_s !== null && s.means.false_failovers !== null)
    .map((s) => ({
      downtime: s.means.downtime_s,
      falseFailovers: s.means.false_failovers,
      lostWrites: s.means.lost_writes,
      setting: settingText(grid, s.point),
      pareto: optimal.has(s.point),
    }));
  const first = new Map<string, { setting: string; alike: number }>();
  for (const value of values.filter((v) => v.pareto)) {
    const spot = `${value.downtime}/${value.falseFailovers}`;
    const seen = first.get(spot);
    if (seen) seen.alike++;
    else first.set(spot, { setting: value.setting, alike: 0 });
  }
  const labelled = values.map((value) => {
    const spot = first.get(`${value.downtime}/${value.falseFailovers}`);
    const own = spot !== undefined && spot.setting === value.setting;
    return {
      ...value,
      label: own && spot.alike > 0 ? `${value.setting} (and ${spot.alike} alike)` : value.setting,
      pareto: value.pareto && own,
    };
  });
  return labelled;
}
