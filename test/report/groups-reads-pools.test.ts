// What the reports add for client groups, reads and pools: groups.csv (its columns, formatted as
// the summary's), the per-group table under the summary on stdout and in report.html (only with
// several groups, every column explained), the reads and servers charts, and the timeline's
// load-balancer lanes.
import { describe, expect, it } from "vitest";
import type { GroupRow } from "../../sim/metrics/groups.ts";
import { groupsCsv } from "../../sim/report/csv.ts";
import { runCharts } from "../../sim/report/charts/run-charts.ts";
import { laneBands } from "../../sim/report/charts/timeline-chart.ts";
import { TimeAxis } from "../../sim/report/charts/time-axis.ts";
import { groupColumns } from "../../sim/report/group-columns.ts";
import { replayData } from "../../sim/report/replay/replay-data.ts";
import { reportPage } from "../../sim/report/html/report-page.ts";
import { summaryTable } from "../../sim/report/summary-table.ts";
import { fixtureRun } from "./chart-fixtures.ts";

const east: GroupRow = {
  group: "east-app",
  zone: "east",
  writes: { attempted: 6000, acked: 6000, failed: 0, fallback: 0, availability: 1 },
  downtimeS: 0,
  reads: { attempted: 0, served: 0, failed: 0, rywViolations: 0 },
  sessionsLost: 0,
};
const west: GroupRow = {
  group: "west-app",
  zone: "west",
  writes: { attempted: 6000, acked: 5699, failed: 301, fallback: 0, availability: 5699 / 6000 },
  downtimeS: 3.01,
  reads: { attempted: 24000, served: 23900, failed: 100, rywViolations: 2400 },
  sessionsLost: 0,
};
const idle: GroupRow = {
  ...east,
  group: "idle",
  writes: { attempted: 0, acked: 0, failed: 0, fallback: 0, availability: null },
};

describe("groups.csv", () => {
  it("one row per group; availability with 6 decimals, times in seconds, empty when not applicable", async () => {
    expect(await groupsCsv([east, west, idle])).toBe(
      "group,zone,writes_attempted,writes_acked,writes_failed,availability,downtime_s,reads_attempted,reads_served,reads_failed,ryw_violations,sessions_lost\n" +
        "east-app,east,6000,6000,0,1.000000,0.000000,0,0,0,0,0\n" +
        "west-app,west,6000,5699,301,0.949833,3.010000,24000,23900,100,2400,0\n" +
        "idle,east,0,0,0,,0.000000,0,0,0,0,0\n",
    );
  });
});

describe("the per-group table", () => {
  const run = fixtureRun();

  it("follows the summary on stdout with several groups, with the read columns only when a group reads", () => {
    const text = summaryTable({ ...run, groups: [east, west] });
    const lines = text.split("\n");
    const start = lines.indexOf("client groups:");
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 1].split(/\s+/).filter(Boolean)).toEqual([
      "group",
      "zone",
      "writes_attempted",
      "writes_acked",
      "writes_failed",
      "availability",
      "downtime_s",
      "reads_attempted",
      "reads_served",
      "reads_failed",
      "ryw_violations",
    ]);
    expect(lines[start + 3].split(/\s+/).filter(Boolean)).toEqual([
      "west-app",
      "west",
      "6000",
      "5699",
      "301",
      "0.949833",
      "3.010000",
      "24000",
      "23900",
      "100",
      "2400",
    ]);
    expect(lines[start + 4]).toMatch(/^seed /);
    const quiet = summaryTable({ ...run, groups: [east, { ...east, group: "batch" }] }).split("\n");
    expect(quiet[quiet.indexOf("client groups:") + 1]).not.toContain("reads");
  });

  it("is left out with one group", () => {
    expect(summaryTable({ ...run, groups: [east] })).not.toContain("client groups:");
    expect(page([east])).not.toContain('id="groups"');
  });

  it("is in report.html with several groups, every column explained", () => {
    const html = page([east, west]);
    expect(html).toContain('<section id="groups">');
    expect(html).toContain('<th scope="row">west-app</th><td>west</td><td class="value">6000</td>');
    for (const column of groupColumns) expect(html).toContain(`<li><code>${column.name}</code>: `);
    expect(html).toContain('<a href="groups.csv">groups.csv</a>');
  });

  function page(groups: GroupRow[]): string {
    return reportPage({
      ...run,
      groups,
      charts: [],
      skippedCharts: [],
      keyEvents: run.series.keyEvents,
      replay: replayData(run),
    });
  }
});

describe("reads and servers charts", () => {
  const count = 301;
  const withData = () => {
    const run = fixtureRun();
    const zeros = () => new Array<number>(count).fill(0);
    const fresh = zeros().map((_, i) => (i < 300 ? 36 : 0));
    const stale = zeros().map((_, i) => (i < 300 ? 4 : 0));
    run.series = {
      ...run.series,
      reads: [
        {
          client: "clients",
          outcomes: [
            { outcome: "fresh", counts: fresh },
            { outcome: "stale", counts: stale },
            { outcome: "rejected", counts: zeros() },
            { outcome: "timeout", counts: zeros() },
          ],
        },
      ],
      serverLoad: [
        { node: "web1", served: zeros().map((_, i) => (i < 120 ? 5 : 0)) },
        { node: "web2", served: zeros().map((_, i) => (i < 120 ? 5 : 10)) },
      ],
    };
    return run;
  };

  it("come after writes and lag respectively, when there is data", () => {
    expect(runCharts(withData()).charts.map((chart) => chart.name)).toEqual([
      "timeline",
      "writes",
      "reads",
      "lag",
      "servers",
      "data-loss",
    ]);
    expect(runCharts(withData()).skipped).toEqual([]);
  });

  it("stacks reads by outcome, up to date first, stale (own write missing) next", () => {
    const spec = runCharts(withData()).charts.find((chart) => chart.name === "reads")!
      .spec as Record<string, any>;
    expect(spec.vconcat[0].layer[0].encoding.color.scale.domain.slice(0, 4)).toEqual([
      "up to date",
      "stale (own write missing)",
      "rejected",
      "timed out",
    ]);
    expect(spec.datasets.reads[0]).toEqual({
      client: "clients",
      t: 0,
      "up to date": 36,
      "stale (own write missing)": 4,
      rejected: 0,
      "timed out": 0,
    });
  });

  it("stacks each server's requests per second, until the end of the requests", () => {
    const spec = runCharts(withData()).charts.find((chart) => chart.name === "servers")!
      .spec as Record<string, any>;
    expect(spec.layer[0].encoding.y).toMatchObject({
      field: "rate",
      stack: "zero",
      title: "requests/s",
    });
    const web2 = spec.datasets.load.filter((row: { node: string }) => row.node === "web2");
    expect(web2[0]).toEqual({ node: "web2", t: 0, rate: 5 });
    expect(web2[150]).toEqual({ node: "web2", t: 150, rate: 10 });
    expect(web2.at(-1)).toEqual({ node: "web2", t: 300, rate: 10 });
  });
});

describe("timeline lanes of a pool", () => {
  it("show under each server when the load balancer had it out of rotation", () => {
    const rows = [
      { node: "web1", kind: "state", state: "up", startUs: 0, endUs: 10e6 },
      { node: "web1", kind: "state", state: "down", startUs: 10e6, endUs: 30e6 },
      { node: "web1", kind: "lb:clients", state: "in", startUs: 0, endUs: 16e6 },
      { node: "web1", kind: "lb:clients", state: "out", startUs: 16e6, endUs: 30e6 },
      { node: "web2", kind: "lb:clients", state: "in", startUs: 0, endUs: 30e6 },
      { node: "web2", kind: "lb:batch", state: "in", startUs: 0, endUs: 30e6 },
    ];
    const { lanes, bands } = laneBands(rows, new TimeAxis(30e6));
    expect(lanes).toEqual([
      "web1",
      "web1 · out of rotation",
      "web2",
      "web2 · out at clients",
      "web2 · out at batch",
    ]);
    expect(bands.filter((band) => band.lane === "web1 · out of rotation")).toEqual([
      { lane: "web1 · out of rotation", state: "out of rotation", start: 16, end: 30 },
    ]);
  });

  it("title a pool's timeline by who was serving", () => {
    const run = fixtureRun();
    run.timeline = [
      { node: "web1", kind: "state", state: "up", startUs: 0, endUs: 301e6 },
      { node: "web1", kind: "lb:clients", state: "in", startUs: 0, endUs: 301e6 },
    ];
    const timeline = runCharts(run).charts[0];
    expect(timeline.title).toBe("Which servers were up and in rotation");
    expect((timeline.spec as { title: { text: string } }).title.text).toBe(
      "Which servers were up and in rotation",
    );
  });
});
