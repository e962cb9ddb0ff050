// The replay section of report.html: the controls (previous event, play/pause, next event, a
// time slider and the time it shows), the event in effect in words, the number of primaries,
// the drawing of the cluster and a legend of its colours, then the data as a JSON script element
// and the script that brings them to life (replay/replay-script.ts). Self-contained: nothing is
// fetched. The JSON is escaped so that no scenario text can close the script element. Without
// a script the drawing shows the cluster at t = 0.
import { stateColors } from "../charts/theme.ts";
import type { ReplayData } from "../replay/replay-data.ts";
import { replayDrawing, textColor } from "../replay/replay-drawing.ts";
import { replayScript } from "../replay/replay-script.ts";
import { escapeHtml } from "./escape.ts";

/** Beyond this many endpoints the drawing would not read; the page says so instead. */
export const maxReplayEndpoints = 60;

export function replaySection(data: ReplayData): string {
  if (data.endpoints.length > maxReplayEndpoints) {
    return [
      '<section id="replay-skipped">',
      "<h2>Replay</h2>",
      `<p class="note">No replay: the cluster has ${data.endpoints.length} endpoints, more than the ${maxReplayEndpoints} a drawing can show.</p>`,
      "</section>",
    ].join("\n");
  }
  const states = [...new Set(Object.values(data.states).flatMap((list) => list.map((i) => i[2])))];
  const palette: Record<string, { fill: string; text: string }> = {
    "": { fill: "#e2e8f0", text: "#1a202c" },
  };
  for (const state of states)
    palette[state] = { fill: stateColors[state] ?? "#e2e8f0", text: textColor(state) };
  const json = JSON.stringify({ ...data, palette })
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  const legend = states.map(
    (state) =>
      `<li><span class="swatch" style="background:${palette[state].fill}"></span>${escapeHtml(state)}</li>`,
  );
  return [
    '<section id="replay" aria-labelledby="replay-title">',
    '<h2 id="replay-title">Replay</h2>',
    '<p class="note">Step through the run: the buttons jump between events (Tab to them, Enter or Space to press), the slider moves through time (arrow keys, Page Up/Down, Home, End). The pink line on the timeline chart below follows.</p>',
    '<div class="replay-controls">',
    '<button type="button" data-action="prev">◀ Previous event</button>',
    '<button type="button" data-action="play" aria-pressed="false">▶ Play</button>',
    '<button type="button" data-action="next">Next event ▶</button>',
    `<input type="range" min="0" max="${data.ticks.length - 1}" step="1" value="0" aria-label="Simulated time" aria-valuetext="${escapeHtml(data.ticks[0][1])}">`,
    `<output aria-live="off">${escapeHtml(data.ticks[0][1])}</output>`,
    "</div>",
    `<p class="replay-sentence" aria-live="polite">${escapeHtml(data.steps[0] ? `${data.steps[0].time} — ${data.steps[0].text}` : "")}</p>`,
    '<p class="replay-primaries"></p>',
    `<figure class="replay">\n${replayDrawing(data)}\n</figure>`,
    `<ul class="replay-legend">${legend.join("")}<li><span class="swatch cut"></span>link cut</li><li><span class="swatch lossy"></span>link lossy</li></ul>`,
    `<script type="application/json" id="replay-data">${json}</script>`,
    `<script>${replayScript}</script>`,
    "</section>",
  ].join("\n");
}
