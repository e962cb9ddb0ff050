// The CSV files' exact bytes: headers, number formatting, quoting, empty cells for null.
import { describe, expect, it } from "vitest";
import { eventsCsv, summaryCsv, timelineCsv, toCsv } from "../../sim/report/csv.ts";
import { metricColumns, type MetricValues } from "../../sim/scenario/metric-names.ts";

const metrics: MetricValues = {
  writes_attempted: 1000,
  writes_acked: 997,
  writes_failed: 3,
  availability: 0.997,
  downtime_s: 0.3,
  failovers: 1,
  false_failovers: 1,
  failbacks: 0,
  flaps: 0,
  split_brain_s: 12.000001,
  lost_writes: 2,
  divergent_writes: 5,
  detection_s: null,
  rto_s: 3.5,
  rpo_s: 0.8,
  max_lag_s: 0.05,
  standby_cost: 3.5,
  reads_attempted: 4000,
  reads_served: 3990,
  reads_failed: 10,
  ryw_violations: 120,
  sessions_lost: 0,
  min_group_availability: 0.99,
  max_group_downtime_s: 0.5,
  restarts: 4,
  writes_fallback: 2,
  partial_service_s: 600,
};

describe("summary.csv", () => {
  it("has scenario, seed and every metric column in order, formatted", async () => {
    const text = await summaryCsv([{ name: "split-brain", seed: 7, metrics }]);
    expect(text).toBe(
      `scenario,seed,${metricColumns.join(",")}\n` +
        "split-brain,7,1000,997,3,0.997000,0.300000,1,1,0,0,12.000001,2,5,,3.500000,0.800000,0.050000,3.5,4000,3990,10,120,0,0.990000,0.500000,4,2,600.000000\n",
    );
  });
});

describe("timeline.csv", () => {
  it("writes intervals in seconds with 6 decimals", async () => {
    const text = await timelineCsv([
      { node: "db1", kind: "state", state: "up", startUs: 0, endUs: 2_500_000 },
      { node: "db1", kind: "verdict:mon", state: "suspect", startUs: 2_500_001, endUs: 61_000_000 },
    ]);
    expect(text).toBe(
      "node,kind,state,start_s,end_s\ndb1,state,up,0.000000,2.500000\ndb1,verdict:mon,suspect,2.500001,61.000000\n",
    );
  });
});

describe("events.csv", () => {
  it("writes time, kind, node and a quoted detail when it holds a comma", async () => {
    const text = await eventsCsv([
      {
        kind: "fault",
        tUs: 120_000_000,
        fault: { kind: "partition", groups: [["east"], ["west"]] },
        label: "partition east | west",
      },
      {
        kind: "promoted",
        tUs: 123_456_789,
        node: "db2",
        epoch: 2,
        previous: "db1",
        previousAlive: true,
        failback: false,
        planned: false,
      },
    ]);
    expect(text).toBe(
      "t_s,kind,node,detail\n" +
        // fast-csv also quotes fields holding "|" (harmless: still one valid field).
        '120.000000,fault,,"fault: partition east | west"\n' +
        '123.456789,promoted,db2,"promoted: epoch 2, replaces db1 (alive)"\n',
    );
  });

  it("is only its header with no events", async () => {
    expect(await eventsCsv([])).toBe("t_s,kind,node,detail\n");
  });
});

describe("toCsv", () => {
  it("quotes quotes and newlines, and refuses ragged rows", async () => {
    expect(await toCsv(["a", "b"], [['say "hi"', "two\nlines"]])).toBe(
      'a,b\n"say ""hi""","two\nlines"\n',
    );
    await expect(toCsv(["a", "b"], [["only one"]])).rejects.toThrow(/1 cells, header has 2/);
  });
});
