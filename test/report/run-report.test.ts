// The report folder of a run: the three CSV files, written together.
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeRunReport } from "../../sim/report/run-report.ts";
import { metricColumns, type MetricValues } from "../../sim/scenario/metric-names.ts";

let root: string | undefined;

afterEach(async () => {
  if (root) await fs.rm(root, { recursive: true, force: true });
});

describe("writeRunReport", () => {
  it("writes summary.csv, timeline.csv and events.csv (header only at trace none)", async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "sim-report-"));
    const out = path.join(root, "reports", "tiny");
    const metrics = Object.fromEntries(metricColumns.map((column) => [column, 0])) as MetricValues;
    await writeRunReport(out, {
      name: "tiny",
      seed: 1,
      metrics,
      timeline: [{ node: "db1", kind: "role", state: "primary", startUs: 0, endUs: 11_000_000 }],
      events: [],
    });
    expect((await fs.readdir(out)).sort()).toEqual(["events.csv", "summary.csv", "timeline.csv"]);
    expect(await fs.readFile(path.join(out, "events.csv"), "utf8")).toBe("t_s,kind,node,detail\n");
    expect(await fs.readFile(path.join(out, "timeline.csv"), "utf8")).toBe(
      "node,kind,state,start_s,end_s\ndb1,role,primary,0.000000,11.000000\n",
    );
    const summary = (await fs.readFile(path.join(out, "summary.csv"), "utf8")).split("\n");
    expect(summary[1]).toBe("tiny,1,0,0,0,0.000000,0.000000,0,0,0,0,0.000000,0,0,0.000000,0.000000,0.000000,0.000000,0");
  });
});
