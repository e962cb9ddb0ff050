// JUnit XML for CI systems: structure (suite per scenario, case per expectation, failure per
// breach, a skipped case for a scenario without expectations) and escaping of whatever text a
// scenario's names and check messages hold.
import { describe, expect, it } from "vitest";
import type { ScenarioCheck } from "../../sim/check/check-scenario.ts";
import { attribute, checkJunit, text } from "../../sim/check/junit.ts";

const checks: ScenarioCheck[] = [
  {
    file: "scenarios/a&b.ts",
    name: "a-b",
    summary: "",
    seeds: [1, 2],
    status: "fail",
    verdicts: [
      {
        expectation: "lost_writes = 0",
        observed: "0",
        passed: true,
        message: "",
        failingSeeds: [],
      },
      {
        expectation: `"<db2> ends 'primary'"`,
        observed: "db1\nends",
        passed: false,
        message: `seed 2: check failed: a < b & "c"`,
        failingSeeds: [2],
      },
    ],
  },
  {
    file: "scenarios/quiet.ts",
    name: "quiet",
    summary: "",
    seeds: [],
    status: "no expectations",
    verdicts: [],
  },
];

describe("checkJunit", () => {
  it("writes a suite per scenario, a case per expectation, escaped", () => {
    expect(checkJunit(checks)).toBe(
      [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<testsuites name="sim check" tests="3" failures="1" errors="0" skipped="1">`,
        `  <testsuite name="a-b" file="scenarios/a&amp;b.ts" tests="2" failures="1" errors="0" skipped="0">`,
        `    <properties>`,
        `      <property name="seeds" value="1,2"/>`,
        `    </properties>`,
        `    <testcase name="lost_writes = 0" classname="a-b" file="scenarios/a&amp;b.ts">`,
        `      <system-out>observed: 0</system-out>`,
        `    </testcase>`,
        `    <testcase name="&quot;&lt;db2&gt; ends &apos;primary&apos;&quot;" classname="a-b" file="scenarios/a&amp;b.ts">`,
        `      <failure message="seed 2: check failed: a &lt; b &amp; &quot;c&quot;" type="expectation">observed: db1`,
        `ends`,
        `failing seeds: 2</failure>`,
        `    </testcase>`,
        `  </testsuite>`,
        `  <testsuite name="quiet" file="scenarios/quiet.ts" tests="1" failures="0" errors="0" skipped="1">`,
        `    <testcase name="no expectations" classname="quiet" file="scenarios/quiet.ts">`,
        `      <skipped message="the scenario has no expect; it was not run"/>`,
        `    </testcase>`,
        `  </testsuite>`,
        `</testsuites>`,
        ``,
      ].join("\n"),
    );
  });

  it("keeps line breaks in attributes and replaces what XML cannot hold", () => {
    expect(attribute("a\nb\tc")).toBe("a&#10;b&#9;c");
    expect(text("bell\u0007 nul\u0000 ok\u00e9 \ud83d\ude00")).toBe(
      "bell\ufffd nul\ufffd ok\u00e9 \ud83d\ude00",
    );
    expect(text("lone \ud83d surrogate")).toBe("lone \ufffd surrogate");
  });
});
