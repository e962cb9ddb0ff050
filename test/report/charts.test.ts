// Golden tests on the structure of the run charts' Vega-Lite specs — lanes, layers, encodings,
// axis titles with units — not on pixels. The input is a hand-made run (chart-fixtures.ts).
import { describe, expect, it } from "vitest";
import { runCharts, type ChartDefinition } from "../../sim/report/charts/run-charts.ts";
import { laneBands } from "../../sim/report/charts/timeline-chart.ts";
import { TimeAxis } from "../../sim/report/charts/time-axis.ts";
import type { TimelineRow } from "../../sim/metrics/timeline.ts";
import { fixtureRun } from "./chart-fixtures.ts";

type Spec = Record<string, any>;

/** A layer as "data:mark channel=field …" — the structure a golden pins. */
function shape(layer: Spec): string {
  const channels = (Object.entries(layer.encoding ?? {}) as [string, Spec][]).map(
    ([channel, def]) => {
      const source =
        def.field ??
        (def.datum !== undefined ? `datum(${def.datum})` : def.condition ? "condition" : "value");
      return `${channel}=${source}`;
    },
  );
  const mark = typeof layer.mark === "string" ? layer.mark : layer.mark.type;
  return `${layer.data.name}:${mark} ${channels.join(" ")}`;
}

function chart(name: string): Spec {
  const found = runCharts(fixtureRun()).charts.find(
    (candidate: ChartDefinition) => candidate.name === name,
  );
  if (!found) throw new Error(`no ${name} chart`);
  return found.spec as Spec;
}

const context = [
  "faults:rect x=start x2=end color=shade tooltip=value",
  "faults:rect x=start x2=end",
  "annotations:rule x=t stroke=condition strokeDash=condition",
  "annotations:text x=t y=labelY text=text color=condition",
  "annotations:text x=t y=labelY text=text color=condition",
];

describe("run charts", () => {
  it("lists every chart with data, in order, and says why others are left out", () => {
    const all = runCharts(fixtureRun());
    expect(all.charts.map((c) => c.name)).toEqual(["timeline", "writes", "lag", "data-loss"]);
    expect(all.skipped).toEqual([
      "No reads chart: no client group reads.",
      "No servers chart: the scenario has no pool of servers.",
    ]);
    const quiet = fixtureRun();
    quiet.series = {
      ...quiet.series,
      writes: [],
      lag: [],
      dataLoss: { divergent: [], lost: [], lostStretchesOmitted: 0 },
    };
    const some = runCharts(quiet);
    expect(some.charts.map((c) => c.name)).toEqual(["timeline"]);
    expect(some.skipped).toHaveLength(5);
  });

  it("gives every spec the schema, the shipped font and a time axis titled with its unit", () => {
    for (const { spec } of runCharts(fixtureRun()).charts as { spec: Spec }[]) {
      expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v6.json");
      expect(spec.config.font).toBe("DejaVu Sans");
      const layers = (spec.vconcat ?? [spec]).flatMap((panel: Spec) => panel.layer);
      const xTitles = new Set(layers.map((layer: Spec) => layer.encoding.x.title));
      expect(xTitles.size).toBe(1);
      expect([...xTitles][0]).toMatch(/^simulated time \(s\)/);
    }
  });
});

describe("timeline chart", () => {
  it("has one lane per node, a suspicion lane per monitor under each data node, and the context layers", () => {
    const spec = chart("timeline");
    expect(spec.layer.map(shape)).toEqual([
      "bands:rect x=start x2=end y=lane color=state tooltip=value",
      ...context,
    ]);
    expect(spec.layer[0].encoding.y.scale.domain).toEqual([
      "db1",
      "db1 · suspected by mon",
      "db2",
      "db2 · suspected by mon",
      "mon",
    ]);
    expect(spec.layer[0].encoding.color.scale.domain).toEqual([
      "primary",
      "promoting",
      "standby",
      "down",
      "running",
      "suspected",
      "fault in effect",
    ]);
    expect(spec.height).toBe(5 * 22);
    expect(spec.datasets.bands).toContainEqual({
      lane: "db1 · suspected by mon",
      state: "suspected",
      start: 123,
      end: 180,
    });
    expect(spec.datasets.bands).toContainEqual({
      lane: "mon",
      state: "down",
      start: 250,
      end: 301,
    });
    expect(spec.datasets.faults).toEqual([
      { label: "partition db1,clients | db2,mon", start: 120, end: 180, shade: "fault in effect" },
    ]);
    expect(spec.datasets.hatch).toEqual([]);
    expect(spec.datasets.annotations.map((a: Spec) => [a.kind, a.text, a.t])).toEqual([
      ["fault", "partition db1,clients | db2,mon", 120],
      ["promotion", "db2 promoted (false failover)", 124],
    ]);
    // Labels 4 s apart overlap, so the second goes one row up.
    expect(spec.datasets.annotations.map((a: Spec) => a.labelY)).toEqual([-4, -17]);
    expect(spec.layer.at(-2).transform).toEqual([{ filter: { field: "align", equal: "left" } }]);
  });

  it("ends a label at its line when it would run past the plot's right edge", () => {
    const run = fixtureRun();
    const late = {
      kind: "crash",
      label: "crash db2",
      startUs: 299e6,
      endUs: 301e6,
      repaired: false,
    };
    run.series = {
      ...run.series,
      faults: { periods: [late], omitted: 0 },
      promotions: { marks: [], omitted: 0 },
    };
    const spec = runCharts(run).charts[0].spec as Spec;
    expect(spec.datasets.annotations).toEqual([
      { kind: "fault", text: "crash db2", t: 299, labelY: -4, align: "right" },
    ]);
  });

  it("merges overlapping fault periods into one shaded stretch, keeping a line and label per fault", () => {
    const run = fixtureRun();
    const partition = run.series.faults.periods[0];
    const crash = {
      kind: "crash",
      label: "crash db2",
      startUs: 150e6,
      endUs: 301e6,
      repaired: false,
    };
    run.series = { ...run.series, faults: { periods: [partition, crash], omitted: 0 } };
    const spec = runCharts(run).charts[0].spec as Spec;
    expect(spec.datasets.faults).toEqual([
      {
        label: "partition db1,clients | db2,mon; crash db2",
        start: 120,
        end: 301,
        shade: "fault never repaired",
      },
    ]);
    expect(spec.datasets.annotations.map((a: Spec) => a.text)).toEqual([
      "partition db1,clients | db2,mon",
      "db2 promoted (false failover)",
      "crash db2",
    ]);
  });

  it("shows a node's process state over its role, and any role or state name it is given", () => {
    const rows: TimelineRow[] = [
      { node: "db1", kind: "state", state: "up", startUs: 0, endUs: 10 },
      { node: "db1", kind: "state", state: "paused", startUs: 10, endUs: 12 },
      { node: "db1", kind: "state", state: "up", startUs: 12, endUs: 20 },
      { node: "db1", kind: "role", state: "primary", startUs: 0, endUs: 15 },
      { node: "db1", kind: "role", state: "fenced", startUs: 15, endUs: 20 },
      { node: "db2", kind: "role", state: "catching-up", startUs: 0, endUs: 20 },
      { node: "db2", kind: "lease", state: "held", startUs: 5, endUs: 20 },
    ];
    const { lanes, bands } = laneBands(rows, new TimeAxis(20e6));
    expect(lanes).toEqual(["db1", "db2", "db2 · lease"]);
    expect(bands.map((b) => [b.lane, b.state, b.start * 1e6, b.end * 1e6])).toEqual([
      ["db1", "primary", 0, 10],
      ["db1", "paused", 10, 12],
      ["db1", "primary", 12, 15],
      ["db1", "fenced", 15, 20],
      ["db2", "catching-up", 0, 20],
      ["db2 · lease", "held", 5, 20],
    ]);
  });
});

describe("write availability chart", () => {
  it("has a panel per client group: stacked step areas of writes/s by outcome", () => {
    const spec = chart("writes");
    expect(spec.vconcat).toHaveLength(1);
    const panel = spec.vconcat[0];
    expect(panel.title.text).toBe("client group clients");
    expect(panel.layer.map(shape)).toEqual([
      "writes:area x=t y=rate color=outcome order=rank",
      ...context,
    ]);
    const area = panel.layer[0];
    expect(area.mark.interpolate).toBe("step-after");
    expect(area.transform[0]).toEqual({ filter: { field: "client", equal: "clients" } });
    expect(area.transform[1]).toEqual({
      fold: ["acknowledged", "rejected", "timed out"],
      as: ["outcome", "rate"],
    });
    expect(area.encoding.y).toMatchObject({ stack: "zero", title: "writes/s" });
    expect(area.encoding.x.title).toBe("simulated time (s), 1 s buckets");
    expect(area.encoding.color.scale.domain).toEqual([
      "acknowledged",
      "rejected",
      "timed out",
      "fault in effect",
    ]);
    const rows = spec.datasets.writes;
    expect(rows[120]).toEqual({
      client: "clients",
      t: 120,
      acknowledged: 2,
      rejected: 0,
      "timed out": 8,
    });
    // One row per bucket of the 300 s of writes, and a closing row at 300 s.
    expect(rows).toHaveLength(301);
    expect(rows.at(-1).t).toBe(300);
  });
});

describe("replication lag chart", () => {
  it("draws a stepped line per node that breaks where nothing was applied, and a dot for a lone bucket", () => {
    const spec = chart("lag");
    expect(spec.layer.map(shape)).toEqual([
      "lag:line x=t y=lag color=node",
      "lagDots:point x=t y=lag color=node",
      ...context,
    ]);
    expect(spec.layer[0].encoding.y.title).toBe("worst lag (ms)");
    expect(spec.layer[0].encoding.x.title).toBe("simulated time (s), 1 s buckets");
    const db2 = spec.datasets.lag.filter((row: Spec) => row.node === "db2");
    expect(db2.at(-2)).toEqual({ node: "db2", t: 120, lag: 60 });
    expect(db2.at(-1)).toEqual({ node: "db2", t: 120, lag: null });
    expect(spec.datasets.lagDots).toEqual([{ node: "db1", t: 150, lag: 500 }]);
  });
});

describe("lost and divergent writes chart", () => {
  it("has a divergent-writes panel and a lost-writes lane per node", () => {
    const spec = chart("data-loss");
    expect(spec.vconcat.map((panel: Spec) => panel.layer.map(shape))).toEqual([
      ["divergent:area x=t y=rate color=node", ...context],
      ["lost:rect x=start x2=end y=node", "lost:text x=end y=node text=text", ...context],
    ]);
    expect(spec.datasets.lost).toEqual([
      { node: "db1", start: 124.5, end: 179.9, count: 11, text: "11 lost" },
    ]);
    expect(spec.datasets.divergent[1]).toEqual({ node: "db1", t: 124, rate: 10 });
  });
});
