// `sim explain`: the run told as a story (docs/teaching.md#sim-explain). The story of a small crash
// is checked line by line against times and counts worked out by hand; the split-brain story is
// checked for its order and times and against the run's own metrics; bad input exits 2 like
// `sim run`.
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sim } from "./sim-in-process.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { spokenDuration } from "../../sim/dsl/spoken.ts";
import { StoryObserver } from "../../sim/report/explain-story.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import { outcomeLines } from "../../sim/report/explain-outcome.ts";
import { metricColumns, type MetricValues } from "../../sim/scenario/metric-names.ts";
import { loadScenarioFile } from "../../sim/scenario/load.ts";
import { resolveScenario } from "../../sim/scenario/resolve.ts";

const splitBrain = path.join("scenarios", "split-brain.ts");
const fixtures = path.relative(process.cwd(), path.join(import.meta.dirname, "scenarios"));
let root: string;
let handCrash: string;

// db1 crashes at 10.25 s; no jitter and evenly spaced writes make every time exact.
const handCrashSource = `// A crash told by hand.
export default {
  name: "hand-crash",
  summary: "db1 crashes at 10.25 s; db2 takes over.",
  story: "db1 crashes; the monitor notices after its timeout and promotes db2.",
  lesson: "downtime is detection plus promotion.",
  questions: [
    { q: "How long are writes down?", a: "The timeout, then the promotion." },
    { q: "What would shorten it?", a: "A shorter timeout or a faster promotion." },
  ],
  duration: "20s",
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    mon: { role: "monitor", zone: "c" },
  },
  network: { latency: "1ms", jitter: "0ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "2s" },
  clients: { writes: "10/s", arrivals: "uniform", zone: "a" },
  faults: [{ at: "10250ms", fault: { kind: "crash", node: "db1" } }],
};
`;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "sim-explain-"));
  handCrash = path.join(root, "hand-crash.ts");
  await fs.writeFile(handCrash, handCrashSource);
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** The lines of one section of the story ("What happens", "The outcome", …), without its title. */
function section(text: string, title: string): string[] {
  const lines = text.split("\n");
  const start = lines.indexOf(title);
  expect(start, `section "${title}"`).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf("", start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe("sim explain", () => {
  it("tells a crash with the times and counts worked out by hand", async () => {
    const { code, out, err } = await sim("explain", handCrash);
    expect([code, err]).toEqual([0, ""]);
    // Heartbeats go out at 0, 1, 2 … s and take 1 ms each way: db1's last reply reaches mon at
    // 10.002 s, so mon suspects it at 10.002 + 2 = 12.002 s ("12 s"). The promote command
    // reaches db2 at 12.003 s; promoteIn 1 s → promoted at 13.003 s ("13 s"), and the proxy hears
    // of it at 13.005 s. Writes are issued every 100 ms; those issued at 10.3 … 13.0 s (28) went
    // to the dead db1 and time out 1 s later, at 11.3 … 14.0 s. Told before each moment: the 8
    // that failed up to 12.000 s (before the suspicion at 12.002), the 10 up to 13.000 s, the
    // last 10 with the 69 acknowledged writes issued from 13.1 s to 19.9 s.
    expect(section(out, "What happens")).toEqual([
      "  t=0 s     At the start: db1 primary, db2 standby.",
      "  t=10.3 s  Fault: db1 crashes — its process stops and answers nothing.",
      "            … 8 writes failed between 11.3 s and 12 s (8 timed out); none acknowledged.",
      "  t=12 s    mon has heard nothing from db1 for 2 s (the timeout); mon suspects db1.",
      "  t=12 s    mon starts a failover: it orders db2 promoted to replace db1 (epoch 2).",
      "  t=12 s    db2 is now promoting (epoch 2): it will accept writes once the promotion completes.",
      "            … 10 writes failed between 12.1 s and 13 s (10 timed out); none acknowledged.",
      "  t=13 s    db2 is promoted: it accepts writes as primary of epoch 2, replacing db1 (db1 is down).",
      "  t=13 s    The proxy of client group clients now sends writes to db2.",
      "            … 10 writes failed between 13.1 s and 14 s (10 timed out); 69 acknowledged.",
      "  t=21 s    The run ends; db2 holds the authoritative history.",
    ]);
    // 28 failed writes of 200 each own 0.1 s: 2.8 s of downtime. Detection 12.002 − 10.25 =
    // 1.752 s; writes acknowledged again from the one issued at 13.1 s: 13.1 − 10.25 = 2.85 s.
    const outcome = section(out, "The outcome").join(" ").replace(/\s+/g, " ");
    expect(outcome).toContain(
      "Writes: 200 attempted, 172 acknowledged, 28 failed (availability 86.000%); clients could not write for 2.8 s in all (downtime).",
    );
    expect(outcome).toContain("Failovers: 1 failover.");
    expect(outcome).toContain("No acknowledged write was lost.");
    expect(outcome).toContain(
      "the first suspicion came 1.75 s after the fault (detection); writes were acknowledged again 2.85 s after it (RTO).",
    );
    expect(section(out, "The lesson")).toEqual(["  Downtime is detection plus promotion."]);
  });

  it("tells split brain in order — suspicion, promotion, heal, demotion, rewind — and agrees with the metrics", async () => {
    const { code, out } = await sim("explain", splitBrain);
    expect(code).toBe(0);
    const story = section(out, "What happens");
    const at = (pattern: RegExp) => story.findIndex((line) => pattern.test(line));
    // The partition starts at 120 s; db1's last heartbeat reply reached mon at ≈ 119.04 s (20 ms
    // each way across the zones) and the timeout is 3 s; promotion takes 1 s; the heal is at 180 s.
    const order = [
      at(/^ {2}t=2 min +Fault: the network splits into \[db1, clients\] \| \[db2, mon\]/),
      at(
        /^ {2}t=2 min 02 s +mon has heard nothing from db1 for 3 s \(the timeout\); mon suspects db1\.$/,
      ),
      at(
        /^ {2}t=2 min 03 s +db2 is promoted: it accepts writes as primary of epoch 2, replacing db1 — a false$/,
      ),
      at(/^ {2}t=3 min +Repair: the network heals/),
      at(/^ {2}t=3 min +db1 learns it was deposed and steps down to standby \(epoch 2\)\.$/),
      at(/^ {2}t=3 min +db1 rewinds: it discards the [\d,]+ log entries/),
    ];
    expect(
      order.every((index) => index >= 0),
      story.join("\n"),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    const result = runScenario(await loadScenarioFile(splitBrain), { file: splitBrain });
    const number = (text: string) => Number(text.replace(/,/g, ""));
    const divergent = [...out.matchAll(/db1, deposed but unaware, accepted ([\d,]+) writes?/g)].map(
      (match) => number(match[1]),
    );
    expect(divergent.reduce((a, b) => a + b, 0)).toBe(result.metrics.divergent_writes);
    const lost = /t=10 min 01 s +([\d,]+) acknowledged writes accepted by db1 /.exec(out);
    expect(lost && number(lost[1])).toBe(result.metrics.lost_writes);
    expect(section(out, "The lesson").join(" ")).toMatch(
      /^ {2}A failure detector cannot tell a dead primary from an unreachable one, so /,
    );
  });

  it("honours --seed and --set, and exits 1 with the story told when an expectation is not met", async () => {
    const fenced = await sim(
      "explain",
      splitBrain,
      "--seed",
      "3",
      "--set",
      "failover.fencing=epoch",
    );
    expect(fenced.code).toBe(1);
    expect(fenced.out).toMatch(/^seed 3 · 10 min simulated · fingerprint [0-9a-f]{16}$/m);
    expect(fenced.out).toContain(
      "Failover: automatic, once 1 monitor suspects the primary; fencing by epoch; no failback.",
    );
    expect(fenced.out).not.toContain("deposed but unaware");
    expect(fenced.out).toMatch(/Expectation not met: .*split_brain_s/);
    expect(
      (await sim("explain", splitBrain, "--seed", "3", "--set", "failover.fencing=epoch")).out,
    ).toBe(fenced.out);
  });

  it("exits 2 on bad input with one line on stderr and nothing on stdout", async () => {
    const cases = [
      ["explain", path.join(fixtures, "misspelt.ts")],
      ["explain", handCrash, "--set", "detector.timeoutt=5s"],
      ["explain", handCrash, "--seed", "-1"],
      ["explain", handCrash, "--seed", "1", "--seed", "2"],
      ["explain", path.join(root, "no-such-file.ts")],
      ["explain"],
    ];
    for (const argv of cases) {
      const { code, out, err } = await sim(...argv);
      expect({ argv, code, out }).toEqual({ argv, code: 2, out: "" });
      expect(err.trim().split("\n"), err).toHaveLength(1);
    }
  });
});

describe("StoryObserver", () => {
  // Two monitors, clients finding the primary by DNS: enough for every grouping rule.
  const world = resolveScenario(
    {
      name: "grouping",
      summary: "Grouping rules.",
      duration: "10m",
      nodes: {
        db1: { role: "primary" },
        db2: { role: "standby" },
        m1: { role: "monitor" },
        m2: { role: "monitor" },
      },
      detector: { kind: "timeout", interval: "1s", timeout: "5s" },
      clients: { writes: "10/s", connections: 3, routing: { dns: { ttl: "60s" } } },
    },
    { file: "grouping.ts" },
  ).world;
  const s = (seconds: number) => Math.round(seconds * 1e6);

  it("says once what would be repeated, and counts the writes between moments", () => {
    const story = new StoryObserver();
    const events: TraceEvent[] = [
      { kind: "role", tUs: 0, node: "db1", role: "primary", epoch: 1 },
      { kind: "role", tUs: 0, node: "db2", role: "standby", epoch: 1 },
      { kind: "fault", tUs: s(60), fault: { kind: "crash", node: "db1" }, label: "crash db1" },
      { kind: "node_down", tUs: s(60), node: "db1" },
      {
        kind: "write_failed",
        tUs: s(61),
        client: "clients",
        id: 1,
        issuedUs: s(60),
        reason: "timeout",
      },
      {
        kind: "write_failed",
        tUs: s(62.5),
        client: "clients",
        id: 2,
        issuedUs: s(61.5),
        reason: "timeout",
      },
      { kind: "suspect", tUs: s(64.01), monitor: "m1", node: "db1" },
      {
        kind: "write_failed",
        tUs: s(64.02),
        client: "clients",
        id: 3,
        issuedUs: s(63.02),
        reason: "timeout",
      },
      { kind: "suspect", tUs: s(64.03), monitor: "m2", node: "db1" },
      { kind: "role", tUs: s(65), node: "db2", role: "primary", epoch: 2 },
      {
        kind: "promoted",
        tUs: s(65),
        node: "db2",
        epoch: 2,
        previous: "db1",
        previousAlive: false,
        failback: false,
        planned: false,
      },
      { kind: "reroute", tUs: s(70), client: "clients", target: "db2" },
      { kind: "reroute", tUs: s(80), client: "clients", target: "db2" },
      { kind: "write_acked", tUs: s(85), client: "clients", id: 4, issuedUs: s(84.9) },
      { kind: "reroute", tUs: s(90), client: "clients", target: "db2" },
      { kind: "run_end", tUs: s(601), authority: "db2" },
    ];
    for (const event of events) story.observe(event);
    const told = story.story(world);
    expect(
      told.lines.map((line) => `${line.aside ? "…" : spokenDuration(line.tUs)} ${line.text}`),
    ).toEqual([
      "0 s At the start: db1 primary, db2 standby.",
      "1 min Fault: db1 crashes — its process stops and answers nothing.",
      "… 2 writes failed between 1 min 01 s and 1 min 03 s (2 timed out); none acknowledged.",
      "1 min 04 s m1 and m2 have heard nothing from db1 for 5 s (the timeout); they suspect db1.",
      "… 1 write failed at 1 min 04 s (1 timed out); none acknowledged.",
      "1 min 05 s db2 is promoted: it accepts writes as primary of epoch 2, replacing db1 (db1 is down).",
      "1 min 10 s 3 connections of client group clients move to db2 between 1 min 10 s and 1 min 30 s, each when its cached DNS answer expires.",
    ]);
    expect(told.closing.map((line) => line.text)).toEqual([
      "The run ends; db2 holds the authoritative history.",
    ]);
  });

  it("writes times in the one human style, rounding half up", () => {
    expect(spokenDuration(850_000)).toBe("850 ms");
    expect(spokenDuration(s(12.44))).toBe("12.4 s");
    expect(spokenDuration(s(2.035))).toBe("2.04 s");
    expect(spokenDuration(s(185))).toBe("3 min 05 s");
    expect(spokenDuration(s(180))).toBe("3 min");
    expect(spokenDuration(s(7800))).toBe("2 h 10 min");
    expect(spokenDuration(s(1_651_850.7))).toBe("19 d 03 h");
    // Rounding can carry into the next unit: 59.96 s is a minute, 999.6 ms a second.
    expect(spokenDuration(s(59.96))).toBe("1 min");
    expect(spokenDuration(999_600)).toBe("1 s");
    expect(spokenDuration(s(3599.6))).toBe("1 h");
    expect(spokenDuration(500)).toBe("0.5 ms");
    expect(spokenDuration(0)).toBe("0 s");
    expect(spokenDuration(-2_000_000)).toBe("-2 s");
  });
});

describe("the outcome in words", () => {
  const base = Object.fromEntries(metricColumns.map((column) => [column, 0])) as MetricValues;
  const values = (extra: Partial<MetricValues>): MetricValues => ({
    ...base,
    writes_attempted: 1000,
    writes_acked: 1000,
    availability: 1,
    min_group_availability: 1,
    detection_s: null,
    rto_s: null,
    ...extra,
  });

  it("speaks of reads, sessions and the worst-off group only when there is something to say", () => {
    const quiet = outcomeLines(values({}), []);
    expect(quiet.some((line) => /Reads|Sessions|worst-off/.test(line))).toBe(false);
    const busy = outcomeLines(
      values({
        writes_acked: 900,
        writes_failed: 100,
        availability: 0.9,
        min_group_availability: 0.8,
        max_group_downtime_s: 12.5,
        reads_attempted: 2000,
        reads_served: 1990,
        reads_failed: 10,
        ryw_violations: 199,
        sessions_lost: 3,
      }),
      [],
    );
    expect(busy).toContain("The worst-off client group: availability 80.000%, 12.5 s of downtime.");
    // 199 of 1,990 served reads = 10.0 %.
    expect(busy).toContain(
      "Reads: 2,000 attempted, 1,990 served, 10 failed; 199 of them (10.0%) missed the reader's own last acknowledged write (read-your-writes violations).",
    );
    expect(busy).toContain(
      "Sessions: 3 users found no session on the server that served them and had to log in again (sessions lost).",
    );
  });
});
