// Rendering a Vega-Lite spec headlessly: vega-lite compiles it to Vega, Vega draws it to an SVG
// string with no canvas (renderer "none"), and resvg turns the SVG into a PNG. The charting
// libraries are imported on first use, so commands that draw nothing (`sim --help`,
// `--no-charts`) never load them.
// Same bytes on every machine: text is measured by Vega's built-in estimate rather than by a
// canvas that may or may not be installed; resvg loads only the DejaVu Sans files shipped with
// the project (dejavu-fonts-ttf) — never system fonts — and draws nothing that depends on a clock.
import { createRequire } from "node:module";
import * as path from "node:path";
import { fontFamily } from "./theme.ts";

/** Where the plot area sits in the SVG (pixels): the replay's cursor is drawn over it. */
export interface PlotArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RenderedChart {
  svg: string;
  plot: PlotArea;
  png: Uint8Array;
  /** What Vega-Lite and Vega warned about (a chart bug: tests expect none); never printed. */
  warnings: string[];
}

/** PNGs at twice the SVG's size: sharp on high-density screens and projectors. */
const pngZoom = 2;

type Libraries = {
  vega: typeof import("vega");
  vegaLite: typeof import("vega-lite");
  renderAsync: typeof import("@resvg/resvg-js").renderAsync;
};

let libraries: Promise<Libraries> | undefined;

function loadLibraries(): Promise<Libraries> {
  libraries ??= Promise.all([import("vega"), import("vega-lite"), import("@resvg/resvg-js")]).then(
    ([vega, vegaLite, resvg]) => {
      // A canvas package, if one happens to be installed, would measure text with system fonts.
      (vega as unknown as { textMetrics: { canvas(use: boolean): void } }).textMetrics.canvas(
        false,
      );
      return { vega, vegaLite, renderAsync: resvg.renderAsync };
    },
  );
  return libraries;
}

/** The font files resvg may use: DejaVu Sans regular and bold (titles are bold). */
export function fontFiles(): string[] {
  const require = createRequire(import.meta.url);
  const folder = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
  return [path.join(folder, "DejaVuSans.ttf"), path.join(folder, "DejaVuSans-Bold.ttf")];
}

/** A Vega-Lite spec as SVG text, with the libraries' warnings (collected, not printed: the
 *  CLI's stderr is for the user's errors). An error from either library is thrown. */
export async function renderSvg(
  spec: object,
): Promise<{ svg: string; plot: PlotArea; warnings: string[] }> {
  const { vega, vegaLite } = await loadLibraries();
  const warnings: string[] = [];
  const logger = collectingLogger(warnings);
  const compiled = vegaLite.compile(spec as Parameters<typeof vegaLite.compile>[0], {
    logger,
  }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logger });
  try {
    const svg = await view.toSVG();
    // The origin is measured inside the padding, which the SVG's outer group adds.
    const [x, y] = view.origin();
    const padding = view.padding() as { left: number; top: number };
    const plot = {
      x: x + padding.left,
      y: y + padding.top,
      width: view.width(),
      height: view.height(),
    };
    return { svg, plot, warnings };
  } finally {
    view.finalize();
  }
}

type Logger = {
  level(level?: number): number | Logger;
  error(...args: unknown[]): Logger;
  warn(...args: unknown[]): Logger;
  info(...args: unknown[]): Logger;
  debug(...args: unknown[]): Logger;
};

/** The logger interface of vega-util, recording warnings and throwing errors. */
function collectingLogger(warnings: string[]): Logger & never {
  let current = 0;
  const text = (args: unknown[]) =>
    args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(" ");
  const logger: Logger = {
    level: (level?: number) => {
      if (level === undefined) return current;
      current = level;
      return logger;
    },
    error: (...args) => {
      throw new Error(`chart rendering failed: ${text(args)}`);
    },
    warn: (...args) => {
      warnings.push(text(args));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger as Logger & never;
}

/** SVG text as PNG bytes, rasterised off this thread (on libuv's thread pool). */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { renderAsync } = await loadLibraries();
  const image = await renderAsync(svg, {
    font: {
      fontFiles: fontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: fontFamily,
      sansSerifFamily: fontFamily,
    },
    fitTo: { mode: "zoom", value: pngZoom },
    background: "white",
  });
  return new Uint8Array(image.asPng());
}

export async function renderChart(spec: object): Promise<RenderedChart> {
  const { svg, plot, warnings } = await renderSvg(spec);
  return { svg, plot, png: await svgToPng(svg), warnings };
}

/** Several charts, in order: each SVG is drawn in turn on this thread, and each PNG rasterised
 *  off it while the next SVGs are drawn (rasterising was most of a report's rendering time). */
export async function renderCharts(specs: readonly object[]): Promise<RenderedChart[]> {
  const drawn: (Omit<RenderedChart, "png"> & { png: Promise<Uint8Array> })[] = [];
  for (const spec of specs) {
    const { svg, plot, warnings } = await renderSvg(spec);
    const png = svgToPng(svg);
    png.catch(() => undefined); // awaited below, but a later chart may fail first
    drawn.push({ svg, plot, warnings, png });
  }
  return Promise.all(drawn.map(async (chart) => ({ ...chart, png: await chart.png })));
}
