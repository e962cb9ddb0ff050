// Preparing a rendered chart's SVG to sit inline in report.html: several SVGs share one HTML
// document, so any id inside one (a clip path, a gradient) is prefixed with the chart's name —
// otherwise `url(#clip1)` in the second chart would point at the first chart's clip. The root
// element gets a role and a label naming the chart for screen readers, and a class that lets the
// page scale it down on narrow screens (the viewBox keeps its proportions).
import { escapeHtml } from "./escape.ts";

export function inlineSvg(svg: string, chartName: string, label: string): string {
  const prefix = `${chartName}-`;
  const namespaced = svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}${id})`)
    .replace(/\bhref="#([^"]+)"/g, (_, id: string) => `href="#${prefix}${id}"`);
  if (!namespaced.startsWith("<svg "))
    throw new Error(`chart ${chartName}: rendered SVG does not start with <svg`);
  return namespaced.replace(
    /^<svg /,
    `<svg role="img" aria-label="${escapeHtml(label)}" data-chart="${escapeHtml(chartName)}" `,
  );
}
