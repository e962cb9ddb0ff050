// report.html: self-contained (one inline script, the replay's, and no external resource), led by
// the story, every metric explained, every chart inline, the events told, the questions folded —
// and all scenario text escaped, in the page and in the replay's data.
import { describe, expect, it } from "vitest";
import { reportPage, type ReportPageInput } from "../../sim/report/html/report-page.ts";
import { escapeHtml } from "../../sim/report/html/escape.ts";
import { inlineSvg } from "../../sim/report/html/inline-svg.ts";
import { metricColumns } from "../../sim/scenario/metric-names.ts";
import { replayData } from "../../sim/report/replay/replay-data.ts";
import { fixtureRun } from "./chart-fixtures.ts";

const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';

function page(overrides: Partial<ReportPageInput> = {}): string {
  const run = fixtureRun();
  return reportPage({
    name: run.name,
    summary: run.summary,
    teaching: run.teaching,
    seed: run.seed,
    fingerprint: run.fingerprint,
    metrics: run.metrics,
    breaches: [],
    charts: [{ name: "timeline", title: "Who was primary when", caption: "Lanes.", svg }],
    skippedCharts: ["No replication-lag chart: none."],
    keyEvents: run.series.keyEvents,
    replay: replayData(run),
    world: run.world,
    ...overrides,
  });
}

describe("reportPage", () => {
  it("is one offline page: only the replay's inline script and data, no external resource", () => {
    const html = page();
    expect(html.startsWith("<!DOCTYPE html>\n")).toBe(true);
    expect(html.match(/<script[^>]*>/gi)).toEqual([
      '<script type="application/json" id="replay-data">',
      "<script>",
    ]);
    expect(html).not.toMatch(/\bsrc=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<link /);
    expect(html).not.toMatch(/fetch\(|XMLHttpRequest|import\(|WebSocket|EventSource|sendBeacon/);
  });

  it("leads with the story: title, story, lesson, key figures, then replay, charts, metrics, questions", () => {
    const html = page();
    const order = [
      "<h1>fixture</h1>",
      '<p class="story">The link between the zones fails',
      '<p class="lesson"><strong>The lesson:</strong> Fence the old primary.</p>',
      '<div class="figure" data-metric="split_brain_s">',
      '<section id="replay"',
      '<section id="charts">',
      '<section id="summary">',
      '<section id="questions">',
    ].map((part) => html.indexOf(part));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain(
      "<li><details><summary>Why were writes lost?</summary><p>db1 rewound to db2&#39;s history.</p></details></li>",
    );
  });

  it("has a summary table with every metric and its one-sentence meaning", () => {
    const html = page();
    for (const column of metricColumns) expect(html).toContain(`<code>${column}</code>`);
    expect(html).toContain(
      '<td class="value"><span title="0.992000 (as in summary.csv)">99.2 %</span></td><td>Acknowledged writes as a fraction of attempted writes.</td>',
    );
    expect(html).toContain('<span class="na">n/a</span>');
  });

  it("inlines each chart's SVG with links to its files, and notes the charts left out", () => {
    const html = page();
    expect(html).toContain(
      '<svg role="img" aria-label="Who was primary when" data-chart="timeline" xmlns=',
    );
    expect(html).toContain('<a href="charts/timeline.png">PNG</a>');
    expect(html).toContain('<a href="charts/timeline.vl.json">Vega-Lite spec</a>');
    expect(html).toContain("No replication-lag chart: none.");
  });

  it("tells the story, with the omitted count and the closing events", () => {
    const run = fixtureRun();
    const html = page({ keyEvents: { ...run.series.keyEvents, omitted: 12 } });
    expect(html).toContain('<li><time title="124.000000 s">2 min 04 s</time> db2 is promoted');
    expect(html).toContain("… 12 more events");
    const story = html.slice(html.indexOf('<section id="narrative">'));
    expect(story.indexOf("12 more events")).toBeLessThan(story.indexOf("The run ends"));
  });

  it("escapes every piece of scenario text", () => {
    const attack = '<script>alert("x")</script>';
    const run = fixtureRun();
    const events = [
      ...run.series.keyEvents.events,
      { kind: "suspect" as const, tUs: 1, monitor: "<img src=x onerror=alert(1)>", node: "db1" },
    ];
    const html = page({
      name: "<b>name</b>",
      summary: attack,
      breaches: ["expected <i>x</i>"],
      keyEvents: { ...run.series.keyEvents, events },
    });
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("</script>alert");
    expect(html).not.toContain("<b>name");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("<title>&lt;b&gt;name&lt;/b&gt; — failover-sim report</title>");
    expect(html).toContain("expected &lt;i&gt;x&lt;/i&gt;");
  });
});

describe("escapeHtml and inlineSvg", () => {
  it("escapes the five characters that end text or attributes", () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe("a&amp;b&lt;c&gt;d&quot;e&#39;f");
  });

  it("prefixes ids so two inline charts cannot point at each other's clip paths", () => {
    const clipped =
      '<svg width="1"><clipPath id="clip1"><rect/></clipPath><g clip-path="url(#clip1)"><use href="#clip1"/></g></svg>';
    expect(inlineSvg(clipped, "lag", "Lag")).toBe(
      '<svg role="img" aria-label="Lag" data-chart="lag" width="1"><clipPath id="lag-clip1"><rect/></clipPath>' +
        '<g clip-path="url(#lag-clip1)"><use href="#lag-clip1"/></g></svg>',
    );
  });
});
