// The look of report.html: one style sheet, inlined (the page loads nothing). Colours follow
// the charts' theme (charts/theme.ts); focus outlines are strong so keyboard users see where
// they are in the replay's controls.
export const pageStyle = `
:root { color-scheme: light; }
body { margin: 0; background: #f7fafc; color: #1a202c; font: 15px/1.5 "DejaVu Sans", system-ui, sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 24px 32px 48px; background: white; }
h1 { margin: 0 0 4px; font-size: 28px; }
h2 { margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid #e2e8f0; font-size: 20px; }
.summary { margin: 0; font-size: 17px; }
.meta, .note { color: #4a5568; font-size: 13px; }
figcaption { color: #2d3748; font-size: 14px; max-width: 80em; }
.breaches { border-left: 4px solid #c53030; padding: 4px 16px; background: #fff5f5; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { padding: 5px 10px; border-bottom: 1px solid #edf2f7; text-align: left; vertical-align: top; }
td.value { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.na { color: #a0aec0; }
.wide { overflow-x: auto; }
figure.chart { margin: 0 0 32px; }
figure.chart svg { display: block; max-width: 100%; height: auto; margin: 8px 0; }
ol.events { padding-left: 0; list-style: none; }
ol.events li { padding: 3px 0; border-bottom: 1px solid #f7fafc; }
ol.events time { display: inline-block; min-width: 8em; color: #4a5568; font-variant-numeric: tabular-nums; }
li.omitted { color: #4a5568; font-style: italic; }
.lead .story { font-size: 16px; max-width: 60em; }
.lead .lesson { font-size: 16px; border-left: 4px solid #2b6cb0; padding: 4px 12px; background: #ebf8ff; max-width: 60em; }
.key-figures { display: flex; gap: 16px; flex-wrap: wrap; margin: 16px 0; }
.key-figures .figure { flex: 1 1 200px; border: 1px solid #e2e8f0; border-radius: 8px; padding: 10px 14px; }
.figure-value { font-size: 26px; font-weight: bold; font-variant-numeric: tabular-nums; }
.figure-label { font-size: 15px; }
.figure-meaning { color: #4a5568; font-size: 12px; }
.replay-controls { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.replay-controls button { font: inherit; padding: 4px 10px; border: 1px solid #a0aec0; border-radius: 6px; background: #f7fafc; cursor: pointer; }
.replay-controls button:focus-visible, .replay-controls input:focus-visible { outline: 3px solid #d53f8c; outline-offset: 2px; }
.replay-controls input[type=range] { flex: 1 1 320px; }
.replay-controls output { min-width: 8em; font-variant-numeric: tabular-nums; }
.replay-sentence { min-height: 3em; font-size: 15px; }
.replay-primaries { font-weight: bold; }
figure.replay { margin: 0; }
figure.replay svg { max-width: 100%; height: auto; font: 13px "DejaVu Sans", sans-serif; }
svg.cluster .zone rect { fill: #f7fafc; stroke: #a0aec0; }
svg.cluster .zone text { fill: #4a5568; }
svg.cluster .endpoint rect { stroke: #2d3748; stroke-width: 1; }
svg.cluster .endpoint.clients rect { stroke-dasharray: 5 3; }
svg.cluster .endpoint .name { font-weight: bold; }
svg.cluster .link line { stroke: #c53030; stroke-width: 3; stroke-dasharray: 8 5; }
svg.cluster .link[data-trouble=lossy] line { stroke: #dd6b20; stroke-dasharray: 2 4; }
svg.cluster .link text { fill: #c53030; font-weight: bold; paint-order: stroke; stroke: white; stroke-width: 4px; }
.replay-legend { list-style: none; padding: 0; display: flex; gap: 14px; flex-wrap: wrap; font-size: 13px; }
.swatch { display: inline-block; width: 14px; height: 14px; margin-right: 5px; vertical-align: -2px; border: 1px solid #4a5568; }
.swatch.cut { border: 0; border-top: 3px dashed #c53030; height: 0; vertical-align: 4px; }
.swatch.lossy { border: 0; border-top: 3px dotted #dd6b20; height: 0; vertical-align: 4px; }
ol.questions li { margin: 8px 0; }
ol.questions summary { cursor: pointer; font-weight: bold; }
`.trim();
