// sim import of an HAProxy cfg: a pool of equals run against a timeline computed by hand from its
// check settings and HAProxy's documented mechanics (the shipped primary/backup sample's is in
// hand-computed.test.ts), and how the settings resolve (server over default-server over
// defaults; the check's timeout with and without `timeout check`).
import { describe, expect, it } from "vitest";
import { firstS, importAndRun, imported } from "./import-kit.ts";

const pool = `defaults
  mode http
  default-server inter 1s fall 2 rise 1
backend web
  balance roundrobin
  server w1 10.0.0.1:80 check
  server w2 10.0.0.2:80 check
  server w3 10.0.0.3:80 check
`;

describe("an HAProxy backend of equals against a hand-computed timeline", () => {
  it("takes the crashed server out of rotation after fall failed checks; its share of requests fails until then", async () => {
    const { imported: scenario, result } = await importAndRun("haproxy.cfg", {}, pool, "300.5s");
    // From default-server: inter 1s fall 2 rise 1; no timeout check: inter is the whole check's
    // timeout, 1 s. Checks every second from 0; the crash lands at 300 s + 0.5 s.
    expect(scenario.text).toContain("routing: {\n      lb: {");
    expect(scenario.text).toContain('faults: [at("300s..301s", crash("server1"))]');
    // The checks of 301 and 302 s fail at their deadlines, 302 and 303 s: out of rotation after
    // the second, at 303 s: detection = 2.5 s exactly.
    expect(firstS(result, "lb_down", "server1")).toBe(303);
    expect(result.metrics.detection_s).toBe(2.5);
    // Until then one request in three goes to server1 and fails: ≈ 100/s × 2.5 s / 3 ≈ 83
    // (Poisson: 60–110 is more than five standard deviations wide).
    expect(result.metrics.writes_failed).toBeGreaterThan(60);
    expect(result.metrics.writes_failed).toBeLessThan(110);
    expect(result.metrics.failovers).toBe(0);
    expect(result.breaches).toEqual([]);
  });
});

describe("HAProxy settings", () => {
  const read = (cfg: string) => imported("haproxy.cfg", { format: "haproxy" }, cfg);

  it("times a check out after inter, or with timeout check set after min(timeout connect, inter); HAProxy's defaults fill the rest", () => {
    // The sample sets timeout check and timeout connect 5s; its primary's own line sets inter 2s
    // over default-server inter 3s. The bare backend sets nothing but `check`.
    const sample = imported("haproxy.cfg").text;
    const bare = read(
      "backend db\n  server a 10.0.0.1:5432 check\n  server b 10.0.0.2:5432 check backup\n",
    ).text;
    expect(sample).toContain(
      'interval: "2s", // haproxy.cfg:29: server pg-a 10.0.1.11:5432 check inter 2s fall 3 rise 2 weight 100',
    );
    expect(sample).toContain(
      'probeTimeout: "2s", // timeout check is set (line 17): a server that does not accept the connection fails after min(timeout connect, inter)',
    );
    expect(bare).toContain(
      'interval: "2s", // assumed: HAProxy\'s default inter, 2000 ms (presets.haproxy)',
    );
    expect(bare).toContain(
      'probeTimeout: "2s", // no timeout check: inter is the whole check\'s timeout',
    );
    expect(bare).toContain("failures: 3, // assumed: HAProxy's default fall (presets.haproxy)");
  });

  it("does not fail over a primary without `check`: HAProxy never marks it DOWN", () => {
    const { text } = read(
      "backend db\n  server a 10.0.0.1:5432\n  server b 10.0.0.2:5432 backup\n",
    );
    expect(text).toContain("automatic: false, // server a has no `check`");
    expect(text).toContain("failovers: 0,");
  });

  it("lists fastinter and downinter as not modelled when they differ from inter", () => {
    const { plan } = read(
      "backend db\n  server a 10.0.0.1:5432 check inter 5s fastinter 1s downinter 5s\n  server b 10.0.0.2:5432 backup\n",
    );
    expect(plan.notModelled.map((remark) => remark.subject)).toEqual(["fastinter (server a)"]);
  });
});
