// The report folder of a run: the CSV files always; report.html and charts/ unless charts are
// off; all written together, and an earlier run's chart files that this run lacks removed.
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeRunReport } from "../../sim/report/run-report.ts";
import { metricColumns, type MetricValues } from "../../sim/scenario/metric-names.ts";
import { fixtureRun } from "./chart-fixtures.ts";

let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "sim-report-"));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function files(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

const csvFiles = ["events.csv", "groups.csv", "summary.csv", "timeline.csv"];
const chartFiles = ["data-loss", "lag", "timeline", "writes"].flatMap((name) => [
  `charts/${name}.png`,
  `charts/${name}.svg`,
  `charts/${name}.vl.json`,
]);

describe("writeRunReport", () => {
  it("writes summary.csv, groups.csv, timeline.csv and events.csv only with charts off (header only at trace none)", async () => {
    const out = path.join(root, "reports", "tiny");
    const metrics = Object.fromEntries(metricColumns.map((column) => [column, 0])) as MetricValues;
    await writeRunReport(
      out,
      {
        name: "tiny",
        seed: 1,
        metrics,
        groups: [],
        timeline: [{ node: "db1", kind: "role", state: "primary", startUs: 0, endUs: 11_000_000 }],
        events: [],
      },
      { charts: false },
    );
    expect(await files(out)).toEqual(csvFiles);
    expect(await fs.readFile(path.join(out, "events.csv"), "utf8")).toBe("t_s,kind,node,detail\n");
    expect(await fs.readFile(path.join(out, "timeline.csv"), "utf8")).toBe(
      "node,kind,state,start_s,end_s\ndb1,role,primary,0.000000,11.000000\n",
    );
    const summary = (await fs.readFile(path.join(out, "summary.csv"), "utf8")).split("\n");
    expect(summary[1]).toBe(
      "tiny,1,0,0,0,0.000000,0.000000,0,0,0,0,0.000000,0,0,0.000000,0.000000,0.000000,0.000000,0,0,0,0,0,0,0.000000,0.000000,0,0,0.000000",
    );
    expect(await fs.readFile(path.join(out, "groups.csv"), "utf8")).toBe(
      "group,zone,writes_attempted,writes_acked,writes_failed,availability,downtime_s,reads_attempted,reads_served,reads_failed,ryw_violations,sessions_lost\n",
    );
  });

  it("writes report.html and every chart as .vl.json, .svg and .png; the CSV files do not depend on it", async () => {
    const [full, plain] = [path.join(root, "full"), path.join(root, "plain")];
    await writeRunReport(full, fixtureRun());
    await writeRunReport(plain, fixtureRun(), { charts: false });
    expect(await files(full)).toEqual([...chartFiles, ...csvFiles, "report.html"].sort());
    expect(await files(plain)).toEqual(csvFiles);
    for (const csv of csvFiles) {
      expect(await fs.readFile(path.join(plain, csv), "utf8")).toBe(
        await fs.readFile(path.join(full, csv), "utf8"),
      );
    }
    const spec = JSON.parse(
      await fs.readFile(path.join(full, "charts", "timeline.vl.json"), "utf8"),
    );
    expect(spec.$schema).toContain("vega-lite");
    const html = await fs.readFile(path.join(full, "report.html"), "utf8");
    expect(html.match(/<svg role="img"/g)).toHaveLength(4);
  });

  it("removes an earlier run's report.html and charts when charts are off", async () => {
    const out = path.join(root, "reused");
    await writeRunReport(out, fixtureRun());
    await writeRunReport(out, fixtureRun(), { charts: false });
    expect(await files(out)).toEqual([...csvFiles].sort());
  });

  it("refuses a folder holding files that are not part of a report, touching nothing", async () => {
    const out = path.join(root, "mine");
    await writeRunReport(out, fixtureRun(), { charts: false });
    await fs.writeFile(path.join(out, "notes.txt"), "mine\n");
    const before = await files(out);
    await expect(writeRunReport(out, fixtureRun(), { charts: false })).rejects.toThrow(
      /holds files that are not part of a sim report \(notes\.txt\)/,
    );
    expect(await files(out)).toEqual(before);
  });

  it("removes chart files of a chart this run does not have", async () => {
    const out = path.join(root, "fewer");
    await writeRunReport(out, fixtureRun());
    const calm = fixtureRun();
    calm.series = {
      ...calm.series,
      dataLoss: { divergent: [], lost: [], lostStretchesOmitted: 0 },
    };
    await writeRunReport(out, calm);
    expect((await files(out)).filter((name) => name.includes("data-loss"))).toEqual([]);
    expect(await files(out)).toContain("charts/lag.png");
  });

  it("leaves the previous report exactly as it was when writing fails halfway", async () => {
    const out = path.join(root, "kept");
    await writeRunReport(out, fixtureRun(), { charts: false });
    const before = await files(out);
    let writes = 0;
    const failingWrite = async (file: string, content: string | Uint8Array) => {
      if (++writes === 3) throw new Error("disk full"); // the lock's claim, a first file, then this
      await fs.writeFile(file, content);
    };
    await expect(
      writeRunReport(out, fixtureRun(), { ops: { writeFile: failingWrite } }),
    ).rejects.toThrow("disk full");
    expect(await files(out)).toEqual(before);
  });
});
