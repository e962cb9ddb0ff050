// What happened, drawn on every run chart so each one explains itself when pasted alone into a
// post-mortem: fault periods shaded grey (overlapping ones merged) — a fault still in effect when
// the run ends (never repaired) shaded darker from its start to the end of the run, hatched with
// thin vertical lines and named apart in the legend — and a labelled line at each fault and each
// promotion (failover, false failover, failback). Labels sit in rows above the
// plot, packed so they never overlap: each goes to the lowest row where it clears the previous
// label, by an estimate of its width in DejaVu Sans; a label that would run past the plot's right
// edge ends at its line instead; labels beyond `maxLabelRows` are left out (lines and shading stay).
import type { FaultPeriod } from "../../metrics/fault-periods.ts";
import type { RunSeries } from "../../metrics/series.ts";
import {
  colorLegend,
  faultShade,
  fontFamily,
  plotWidth,
  unrepairedShade,
  type ColorScale,
} from "./theme.ts";
import type { TimeAxis } from "./time-axis.ts";

export const labelFontSize = 10;
/** Average advance of a DejaVu Sans character, in ems (its digits are 0.636, lowercase ~0.6). */
const charWidthEm = 0.62;
const rowHeightPx = 13;
const labelGapPx = 8;
export const maxLabelRows = 5;
/** Pixels between the hatch lines of an unrepaired fault. */
export const hatchSpacingPx = 8;

export interface FaultRow {
  label: string;
  start: number;
  end: number;
  /** The legend entry the shading falls under: repaired or not by the end of the run. */
  shade: string;
}

export interface AnnotationRow {
  /** "fault" or "promotion". */
  kind: string;
  text: string;
  t: number;
  /** Pixels above the plot's top edge (negative), where the label's baseline sits. */
  labelY: number;
  /** "left": the label starts at its line; "right": it ends there (near the plot's right edge). */
  align: "left" | "right";
}

export interface ChartContext {
  datasets: { faults: FaultRow[]; annotations: AnnotationRow[]; hatch: { t: number }[] };
  /** The shading legend entries present ("fault in effect", "fault never repaired"). */
  shades: string[];
  /** Whether any fault period exists (then charts add the shading to their legend). */
  hasFaults: boolean;
}

export function chartContext(series: RunSeries, axis: TimeAxis): ChartContext {
  const merged = mergedPeriods(series.faults.periods);
  const faults = merged.map((period) => ({
    label: period.label,
    start: axis.at(period.startUs),
    end: axis.at(period.endUs),
    shade: period.repaired ? faultShade.legend : unrepairedShade.legend,
  }));
  const shades = [faultShade.legend, unrepairedShade.legend].filter((shade) =>
    faults.some((fault) => fault.shade === shade),
  );
  const marks = [
    ...series.faults.periods.map((period) => ({
      kind: "fault",
      text: period.label,
      tUs: period.startUs,
    })),
    ...series.promotions.marks.map((mark) => ({
      kind: "promotion",
      text: `${mark.node} promoted${mark.kind === "failover" ? "" : ` (${mark.kind})`}`,
      tUs: mark.tUs,
    })),
  ].sort((a, b) => a.tUs - b.tUs);
  const pxPerUs = plotWidth / Math.max(1, series.endUs);
  const rowEnds: number[] = [];
  const annotations: AnnotationRow[] = [];
  for (const mark of marks) {
    const x = mark.tUs * pxPerUs;
    const width = mark.text.length * charWidthEm * labelFontSize;
    const align = x + width > plotWidth ? "right" : "left";
    const [start, end] = align === "left" ? [x, x + width] : [x - width, x];
    let row = rowEnds.findIndex((rowEnd) => rowEnd + labelGapPx <= start);
    if (row === -1 && rowEnds.length < maxLabelRows) row = rowEnds.push(-Infinity) - 1;
    if (row === -1) continue;
    rowEnds[row] = end;
    annotations.push({
      kind: mark.kind,
      text: mark.text,
      t: axis.at(mark.tUs),
      labelY: -4 - rowHeightPx * row,
      align,
    });
  }
  const hatch = merged
    .filter((period) => !period.repaired)
    .flatMap((period) => hatchLines(period.startUs, period.endUs, series.endUs, axis));
  return { datasets: { faults, annotations, hatch }, shades, hasFaults: faults.length > 0 };
}

/** Vertical lines every `hatchSpacingPx` across an unrepaired period, in axis units. */
function hatchLines(startUs: number, endUs: number, runEndUs: number, axis: TimeAxis) {
  const stepUs = (hatchSpacingPx * Math.max(1, runEndUs)) / plotWidth;
  const lines: { t: number }[] = [];
  for (let tUs = startUs + stepUs / 2; tUs < endUs; tUs += stepUs) lines.push({ t: axis.at(tUs) });
  return lines;
}

/** Overlapping fault periods merged into one shaded stretch (labels joined), so shading means
 *  "some fault in effect" and does not darken where several overlap; each fault keeps its own
 *  line and label. Instants (start = end) are left to their line. */
function mergedPeriods(
  periods: readonly FaultPeriod[],
): { label: string; startUs: number; endUs: number; repaired: boolean }[] {
  const sorted = periods
    .filter((period) => period.endUs > period.startUs)
    .sort((a, b) => a.startUs - b.startUs);
  const merged: { labels: string[]; startUs: number; endUs: number; repaired: boolean }[] = [];
  for (const period of sorted) {
    const last = merged[merged.length - 1];
    if (last && period.startUs <= last.endUs) {
      last.endUs = Math.max(last.endUs, period.endUs);
      last.labels.push(period.label);
      last.repaired &&= period.repaired;
    } else {
      merged.push({ ...period, labels: [period.label] });
    }
  }
  // A tooltip names a few; a fuzzed schedule can overlap hundreds.
  return merged.map(({ labels, startUs, endUs, repaired }) => ({
    label:
      labels.length <= 3
        ? labels.join("; ")
        : `${labels.slice(0, 3).join("; ")}; and ${labels.length - 3} more`,
    startUs,
    endUs,
    repaired,
  }));
}

// Every layer of a chart names the x axis the same (`xTitle`): Vega-Lite joins differing titles.

/** A chart's colour scale plus the fault shading's entries the run has ("fault in effect",
 *  "fault never repaired"). */
export function withFaultColor(context: ChartContext, colors: ColorScale): ColorScale {
  const color = (shade: string) =>
    shade === faultShade.legend ? faultShade.color : unrepairedShade.color;
  return {
    ...colors,
    domain: [...colors.domain, ...context.shades],
    range: [...colors.range, ...context.shades.map(color)],
  };
}

/** The layers drawn over a chart's data: fault shading, then lines and labels. Over, not
 *  under: the timeline's bands and the stacked write areas would hide shading beneath them. */
export function contextLayers(
  context: ChartContext,
  axis: TimeAxis,
  xTitle: string,
  colors: ColorScale,
): object[] {
  return [
    ...faultShadingLayers(context, axis, xTitle, colors),
    ...annotationLayers(context, axis, xTitle),
  ];
}

/** The shaded fault periods, coloured through the chart's colour scale as "fault in effect" so
 *  the legend names the shading; a dotted outline marks where each period ends. The outline is
 *  a layer of its own, without colour, so its stroke stays out of the legend. */
function faultShadingLayers(
  context: ChartContext,
  axis: TimeAxis,
  xTitle: string,
  colors: ColorScale,
): object[] {
  if (!context.hasFaults) return [];
  const x = { field: "start", type: "quantitative", scale: axis.scale(), title: xTitle };
  return [
    {
      data: { name: "faults" },
      mark: { type: "rect", fillOpacity: faultShade.opacity },
      encoding: {
        x,
        x2: { field: "end" },
        // The chart's own scale, repeated so a panel whose other layers have no colour still
        // shades in the fault colour.
        color: {
          field: "shade",
          type: "nominal",
          scale: { domain: colors.domain, range: colors.range },
          legend: colorLegend(colors.title),
        },
        tooltip: [{ field: "label", title: "fault" }],
      },
    },
    ...(context.datasets.hatch.length === 0
      ? []
      : [
          {
            data: { name: "hatch" },
            mark: { type: "rule", strokeWidth: 1, stroke: unrepairedShade.color, opacity: 0.35 },
            encoding: {
              x: { field: "t", type: "quantitative", scale: axis.scale(), title: xTitle },
            },
          },
        ]),
    {
      data: { name: "faults" },
      mark: {
        type: "rect",
        fillOpacity: 0,
        stroke: faultShade.color,
        strokeDash: [2, 2],
        strokeWidth: 1,
      },
      encoding: { x, x2: { field: "end" } },
    },
  ];
}

/** Layers drawn over a chart's data: a line at each fault (grey, dotted) and promotion (dark,
 *  dashed) through the plot — a rule with only x spans the plot's height, so lines never cross
 *  another row's label — and the labels above the plot. */
function annotationLayers(context: ChartContext, axis: TimeAxis, xTitle: string): object[] {
  if (context.datasets.annotations.length === 0) return [];
  const x = { field: "t", type: "quantitative", scale: axis.scale(), title: xTitle };
  const isFault = "datum.kind === 'fault'";
  return [
    {
      data: { name: "annotations" },
      mark: { type: "rule", strokeWidth: 1 },
      encoding: {
        x,
        stroke: { condition: { test: isFault, value: faultShade.color }, value: "#1a202c" },
        strokeDash: { condition: { test: isFault, value: [2, 2] }, value: [6, 3] },
      },
    },
    ...(["left", "right"] as const).map((align) => ({
      data: { name: "annotations" },
      transform: [{ filter: { field: "align", equal: align } }],
      mark: {
        type: "text",
        align,
        baseline: "bottom",
        dx: align === "left" ? 3 : -3,
        fontSize: labelFontSize,
        font: fontFamily,
      },
      encoding: {
        x,
        y: { field: "labelY", type: "quantitative", scale: null },
        text: { field: "text" },
        color: { condition: { test: isFault, value: "#4a5568" }, value: "#1a202c" },
      },
    })),
  ];
}
