// The drawing of the cluster for the replay, laid out here so the page's script only recolours
// it: one column per zone (in the order zones first appear: nodes, then client groups), its
// endpoints stacked inside — database nodes and pool servers as boxes, monitors as rounded
// pills, client groups as dashed boxes — and one line per endpoint pair that some fault troubles,
// hidden until that fault is in effect. A node's box is filled with its state's colour and
// labelled with the state's name (colour and word), so the drawing reads without colour too.
// Deterministic SVG text (no ids: the page may hold it once; `data-*` attributes name things).
import { stateColors } from "../charts/theme.ts";
import { escapeHtml } from "../html/escape.ts";
import type { ReplayData, ReplayEndpoint } from "./replay-data.ts";

const columnWidth = 200;
const columnGap = 56;
const boxWidth = 164;
const boxHeight = 46;
const rowGap = 18;
const headerHeight = 34;
const margin = 16;
const zonesPerRow = 5;

export interface Placed extends ReplayEndpoint {
  x: number;
  y: number;
}

/** Where each endpoint's box sits (its top-left corner), and the drawing's size. */
export function layout(endpoints: readonly ReplayEndpoint[]): {
  placed: Placed[];
  zones: { name: string; x: number; y: number; height: number }[];
  width: number;
  height: number;
} {
  const zoneNames = [...new Set(endpoints.map((endpoint) => endpoint.zone))];
  const members = zoneNames.map((zone) => endpoints.filter((endpoint) => endpoint.zone === zone));
  const tallest = Math.max(1, ...members.map((list) => list.length));
  const zoneHeight = headerHeight + tallest * (boxHeight + rowGap);
  const placed: Placed[] = [];
  const zones = zoneNames.map((name, i) => {
    const x = margin + (i % zonesPerRow) * (columnWidth + columnGap);
    const y = margin + Math.floor(i / zonesPerRow) * (zoneHeight + columnGap);
    members[i].forEach((endpoint, row) =>
      placed.push({
        ...endpoint,
        x: x + (columnWidth - boxWidth) / 2,
        y: y + headerHeight + row * (boxHeight + rowGap),
      }),
    );
    return { name, x, y, height: zoneHeight };
  });
  const columns = Math.min(zonesPerRow, Math.max(1, zoneNames.length));
  const rows = Math.max(1, Math.ceil(zoneNames.length / zonesPerRow));
  return {
    placed,
    zones,
    width: 2 * margin + columns * columnWidth + (columns - 1) * columnGap,
    height: 2 * margin + rows * zoneHeight + (rows - 1) * columnGap,
  };
}

/** The SVG of the cluster, every node in its state at t = 0 (the script updates it). */
export function replayDrawing(data: ReplayData): string {
  const { placed, zones, width, height } = layout(data.endpoints);
  const at = new Map(placed.map((endpoint) => [endpoint.name, endpoint]));
  const pairs = [...new Set(data.links.map((link) => pairKey(link.a, link.b)))];
  const lines = pairs.map((key) => {
    const [a, b] = key.split("\u0000").map((name) => at.get(name)!);
    const [x1, y1, x2, y2] = [a.x, a.y, b.x, b.y].map(
      (value, i) => value + (i % 2 === 0 ? boxWidth / 2 : boxHeight / 2),
    );
    return (
      `<g class="link" data-a="${escapeHtml(a.name)}" data-b="${escapeHtml(b.name)}" visibility="hidden">` +
      `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"/>` +
      `<text x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 4}" text-anchor="middle"></text></g>`
    );
  });
  return [
    `<svg class="cluster" role="img" aria-label="The cluster: nodes by zone, coloured and labelled by role" ` +
      `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    ...zones.map(
      (zone) =>
        `<g class="zone"><rect x="${zone.x}" y="${zone.y}" width="${columnWidth}" height="${zone.height}" rx="8"/>` +
        `<text x="${zone.x + 10}" y="${zone.y + 22}">zone ${escapeHtml(zone.name)}</text></g>`,
    ),
    `<g class="links">${lines.join("")}</g>`,
    ...placed.map((endpoint) => endpointBox(endpoint, data)),
    "</svg>",
  ].join("\n");
}

/** One endpoint: its box (filled by state), its name and a second line (state or target). */
function endpointBox(endpoint: Placed, data: ReplayData): string {
  const first = data.states[endpoint.name]?.[0]?.[2] ?? "";
  const fill = endpoint.kind === "clients" ? "#ffffff" : (stateColors[first] ?? "#e2e8f0");
  const radius = endpoint.kind === "monitor" ? boxHeight / 2 : 6;
  const cx = endpoint.x + boxWidth / 2;
  return (
    `<g class="endpoint ${endpoint.kind}" data-name="${escapeHtml(endpoint.name)}">` +
    `<rect x="${endpoint.x}" y="${endpoint.y}" width="${boxWidth}" height="${boxHeight}" rx="${radius}" fill="${fill}"/>` +
    `<text class="name" x="${cx}" y="${endpoint.y + 19}" text-anchor="middle">${escapeHtml(endpoint.name)}</text>` +
    `<text class="state" x="${cx}" y="${endpoint.y + 36}" text-anchor="middle">${escapeHtml(kindWord(endpoint.kind, first))}</text>` +
    "</g>"
  );
}

function kindWord(kind: ReplayEndpoint["kind"], state: string): string {
  if (kind === "clients") return "clients";
  return kind === "monitor" ? `monitor · ${state}` : state;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Text on a light fill is dark; on the strong colours (primary, down, fenced), white. */
export function textColor(state: string): string {
  return ["primary", "down", "fenced", "suspected"].includes(state) ? "#ffffff" : "#1a202c";
}
