// sim import of Patroni YAML: the mapping of each setting (where it is read from, Patroni's own
// adjustment of the timeouts, synchronous mode, what is not modelled). The shipped sample's run
// against its hand-computed timeline is in hand-computed.test.ts.
import { describe, expect, it } from "vitest";
import { expectCited, imported } from "./import-kit.ts";

describe("Patroni settings", () => {
  const read = (yaml: string) => imported("patroni.yml", { format: "patroni" }, yaml);

  it("writes every value of the sample with the line it came from, and what is not modelled or ignored", () => {
    // maximum_lag_on_failover: 32 MiB of WAL at the assumed 1 MiB a second.
    expectCited("patroni.yml", {
      lines: [
        'ttl: "20s", // patroni.yml:15: ttl: 20',
        'renewEvery: "5s", // patroni.yml:16: loop_wait: 5',
        'retryTimeout: "5s", // patroni.yml:17: retry_timeout: 5',
        'maxLagOnFailover: "32s", // patroni.yml:18: maximum_lag_on_failover: 33554432',
        'rejoin: "rewind", // patroni.yml:22: use_pg_rewind: true',
        "policy: presets.patroni({",
      ],
      notModelled: ["primary_start_timeout", "watchdog"],
      ignored: ["restapi", "etcd3", "bootstrap.initdb", "postgresql", "tags.nofailover"],
    });
  });

  it("reads the dynamic configuration at the top of the file (patronictl show-config), which wins over bootstrap.dcs", () => {
    const { text, plan } = read(
      "ttl: 40\nloop_wait: 10\nretry_timeout: 10\nbootstrap:\n  dcs:\n    ttl: 25\n",
    );
    expect(text).toContain('ttl: "40s", // patroni.yml:1: ttl: 40');
    expect(plan.ignored).toContainEqual({
      subject: "bootstrap.dcs.ttl",
      line: 6,
      detail: "superseded by the same setting at the top of the file",
    });
  });

  it("assumes Patroni's defaults for what the file leaves out, and says so", () => {
    const { text } = read("scope: demo\n");
    expect(text).toContain(`ttl: "30s", // assumed: Patroni's default ttl (presets.patroni)`);
    expect(text).toContain(
      `renewEvery: "10s", // assumed: Patroni's default loop_wait (presets.patroni)`,
    );
    expect(text).toContain(`maxLagOnFailover: "1s", // assumed:`);
  });

  it("adjusts the timeouts as Patroni does: minimums, then loop_wait + 2 × retry_timeout ≤ ttl, lowering loop_wait first", () => {
    // 15 + 2 × 10 = 35 > 30: loop_wait becomes 30 − 20 = 10.
    expect(read("ttl: 30\nloop_wait: 15\nretry_timeout: 10\n").text).toMatch(
      /renewEvery: "10s", \/\/ line 2: loop_wait: 15, adjusted by Patroni from 15/,
    );
    // 1 + 2 × 12 = 25 > 20: loop_wait 1, retry_timeout ⌊(20 − 1) / 2⌋ = 9; ttl 10 is raised to 20 first.
    const { text, plan } = read("ttl: 10\nloop_wait: 5\nretry_timeout: 12\n");
    expect(text).toMatch(/ttl: "20s", \/\/ line 1: ttl: 10, adjusted by Patroni from 10/);
    expect(text).toMatch(/renewEvery: "1s", .*adjusted by Patroni from 5/);
    expect(text).toMatch(/retryTimeout: "9s", .*adjusted by Patroni from 12/);
    expect(plan.about.join(" ")).toContain("Patroni adjusts ttl from 10 to 20 (its minimum).");
  });

  it("maps synchronous mode: on is semi-sync (the leader runs alone once the standby is dropped), strict is sync", () => {
    const on = read("synchronous_mode: on\nsynchronous_node_count: 2\n").text;
    expect(on).toContain('mode: "semi-sync", // patroni.yml:1: synchronous_mode: on');
    expect(on).toContain("waitFor: 2, // patroni.yml:2: synchronous_node_count: 2");
    expect(on).toContain('semiSyncTimeout: "30s"');
    const strict = read("synchronous_mode: true\nsynchronous_mode_strict: true\n").text;
    expect(strict).toContain(
      'mode: "sync", // patroni.yml:1: synchronous_mode: true (and line 2: synchronous_mode_strict: true)',
    );
    expect(strict).not.toContain("semiSyncTimeout");
  });

  it("maps use_pg_rewind: on rewinds a diverged former leader; off (Patroni's default) leaves it to an operator", () => {
    const on = read("postgresql:\n  use_pg_rewind: true\n").text;
    expect(on).toContain('rejoin: "rewind", // patroni.yml:2: use_pg_rewind: true');
    expect(on).toContain('rewindIn: "30s", // assumed:');
    const off = read("postgresql:\n  use_pg_rewind: false\n").text;
    expect(off).toContain('rejoin: "manual", // patroni.yml:2: use_pg_rewind: false');
    expect(off).toContain('delay: "5m..15m", // assumed:');
    expect(read("scope: demo\n").text).toContain(
      `rejoin: "manual", // assumed: Patroni's default use_pg_rewind: off`,
    );
  });

  it("reads use_pg_rewind at the top of the file over bootstrap.dcs's, in either order", () => {
    for (const yaml of [
      "bootstrap:\n  dcs:\n    postgresql:\n      use_pg_rewind: false\npostgresql:\n  use_pg_rewind: true\n",
      "postgresql:\n  use_pg_rewind: true\nbootstrap:\n  dcs:\n    postgresql:\n      use_pg_rewind: false\n",
    ]) {
      const { text, plan } = read(yaml);
      expect(text).toContain('rejoin: "rewind"');
      expect(plan.ignored.map((remark) => remark.subject)).toContain(
        "bootstrap.dcs.postgresql.use_pg_rewind",
      );
    }
  });

  it("a use_pg_rewind that is not on or off names its line", () => {
    expect(() => read("postgresql:\n  use_pg_rewind: maybe\n")).toThrow(/patroni\.yml:2/);
  });

  it("lists a tag that is on as not modelled, one that is off as ignored", () => {
    const { plan } = read("tags:\n  nofailover: true\n  nosync: false\n");
    expect(plan.notModelled.map((remark) => remark.subject)).toEqual(["tags.nofailover"]);
    expect(plan.ignored).toContainEqual({
      subject: "tags.nosync",
      line: 3,
      detail: "off, as by default",
    });
  });
});
