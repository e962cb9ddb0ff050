// The look shared by every chart: one font (DejaVu Sans, shipped with the project, so the SVG,
// the PNG and the browser agree on every machine), sizes, and the colours that carry meaning —
// a node's role or state, a write's outcome, fault shading. Colours are assigned by name so a
// state reads the same in every chart and every run; names the model adds later (new roles or
// states) get colours from a fallback palette in sorted order, so they stay deterministic.

export const fontFamily = "DejaVu Sans";

/** Plot width in pixels: wide enough for minutes of per-second buckets to read as a shape. */
export const plotWidth = 760;

/** Role/state colours, in legend order. Primary is the strong colour: "who was primary when"
 *  is the first question; trouble is warm (orange/red), idle or off is grey. */
export const stateColors: Readonly<Record<string, string>> = {
  primary: "#2b6cb0",
  promoting: "#90cdf4",
  standby: "#68d391",
  "catching-up": "#38b2ac",
  booting: "#f6e05e",
  rejoining: "#b794f4",
  fenced: "#d53f8c",
  off: "#e2e8f0",
  paused: "#ed8936",
  down: "#1a202c",
  running: "#cbd5e0",
  suspected: "#e53e3e",
  "out of rotation": "#dd6b20",
};

/** Write outcomes: acknowledged is green, failures warm. */
export const outcomeColors: Readonly<Record<string, string>> = {
  acknowledged: "#38a169",
  rejected: "#dd6b20",
  "timed out": "#c53030",
  "failed fast (breaker open)": "#975a16",
  "fallback (degraded)": "#3182ce",
};

/** Read outcomes, in legend order: up to date green, stale amber, failures as for writes. */
export const readOutcomeColors: Readonly<Record<string, string>> = {
  "up to date": "#38a169",
  "stale (own write missing)": "#d69e2e",
  rejected: outcomeColors.rejected,
  "timed out": outcomeColors["timed out"],
};

/** Colours of series named after nodes (lag, divergent writes), in order of appearance. */
export const seriesPalette = [
  "#2b6cb0",
  "#dd6b20",
  "#38a169",
  "#805ad5",
  "#d53f8c",
  "#319795",
  "#718096",
  "#b7791f",
];

/** For names without a colour of their own. */
const fallbackPalette = [
  "#8dd3c7",
  "#bebada",
  "#80b1d3",
  "#fdb462",
  "#b3de69",
  "#fccde5",
  "#bc80bd",
  "#ccebc5",
];

export const faultShade = { color: "#718096", opacity: 0.22, legend: "fault in effect" } as const;
/** A fault still in effect when the run ends: darker, and hatched (context-layers.ts). */
export const unrepairedShade = { color: "#44337a", legend: "fault never repaired" } as const;
export const lostColor = "#c53030";

/** The Vega-Lite colour encoding of a field through this scale, with its legend. */
export function colorEncoding(
  field: string,
  colors: ColorScale,
  symbolStrokeColor?: string,
): object {
  return {
    field,
    type: "nominal",
    scale: { domain: colors.domain, range: colors.range },
    legend: colorLegend(colors.title, symbolStrokeColor),
  };
}

/** A colour legend whose "fault in effect" swatch is as pale as the shading it names. Layers
 *  with different outlines need one `symbolStrokeColor` so Vega-Lite can merge their legends. */
export function colorLegend(title: string, symbolStrokeColor?: string): object {
  const isFault = `datum.value === '${faultShade.legend}' || datum.value === '${unrepairedShade.legend}'`;
  const stroke = symbolStrokeColor === undefined ? {} : { symbolStrokeColor };
  return {
    title,
    symbolOpacity: 1,
    ...stroke,
    encoding: {
      symbols: {
        fillOpacity: { condition: { test: isFault, value: faultShade.opacity * 1.5 }, value: 1 },
      },
    },
  };
}

/** A colour scale with its legend title. */
export interface ColorScale {
  domain: string[];
  range: string[];
  title: string;
}

/** A colour scale (domain and range) for these names: known ones first in the map's order,
 *  unknown ones after, sorted, from the fallback palette. The title is the legend's. */
export function colorScale(
  names: Iterable<string>,
  known: Readonly<Record<string, string>>,
  title: string,
): ColorScale {
  const present = new Set(names);
  const domain = Object.keys(known).filter((name) => present.has(name));
  const unknown = [...present].filter((name) => !(name in known)).sort();
  const range = domain.map((name) => known[name]);
  unknown.forEach((name, index) => {
    domain.push(name);
    range.push(fallbackPalette[index % fallbackPalette.length]);
  });
  return { domain, range, title };
}

/** The Vega-Lite config of every chart: font, sizes, a white background (PNGs pasted into
 *  dark documents stay readable), no per-mark ARIA descriptions (thousands of them for a long
 *  run; the report describes each chart in words instead). */
export function chartConfig(): Record<string, unknown> {
  return {
    font: fontFamily,
    background: "white",
    padding: 8,
    title: {
      fontSize: 14,
      subtitleFontSize: 11,
      subtitleColor: "#4a5568",
      anchor: "start",
      offset: 10,
    },
    axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal", gridColor: "#edf2f7" },
    legend: {
      labelFontSize: 11,
      titleFontSize: 12,
      titleFontWeight: "normal",
      orient: "right",
      labelLimit: 260,
    },
    header: { labelFontSize: 12, titleFontSize: 12 },
    view: { stroke: "#a0aec0" },
    mark: { aria: false },
    aria: false,
  };
}
