// sim import of Kubernetes manifests: a Deployment run against a timeline computed by hand from
// its probe and Kubernetes' documented mechanics (the shipped StatefulSet sample's is in
// hand-computed.test.ts), and which probe decides (readiness, else liveness, else none).
import { describe, expect, it } from "vitest";
import { expectCited, firstS, importAndRun, imported } from "./import-kit.ts";

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  template:
    spec:
      containers:
        - name: app
          image: web:1
          livenessProbe:
            httpGet: { path: /healthz, port: 8080 }
            periodSeconds: 2
            failureThreshold: 3
`;

describe("a Deployment against a hand-computed timeline", () => {
  it("is a pool behind the Service; without a readinessProbe the livenessProbe decides when a hung pod leaves", async () => {
    const { imported: scenario, result } = await importAndRun("web.yaml", {}, deployment, "301s");
    // livenessProbe periodSeconds 2, failureThreshold 3, timeoutSeconds 1 (default). Probes every
    // 2 s from 0; the crash of pod1 lands at 300 s + 1 s.
    expect(scenario.plan.about.join(" ")).toContain(
      "without a readinessProbe a hung pod stays Ready until this probe restarts it",
    );
    expect(scenario.text).toContain('faults: [at("300s..302s", crash("pod1"))]');
    // The probes of 302, 304 and 306 s fail at 303, 305 and 307 s: out at 307 s, detection 6 s.
    expect(firstS(result, "lb_down", "pod1")).toBe(307);
    expect(result.metrics.detection_s).toBe(6);
    // Until then a quarter of the requests fail: ≈ 100/s × 6 s / 4 = 150 (Poisson, ± 5 σ ≈ 60).
    expect(result.metrics.writes_failed).toBeGreaterThan(90);
    expect(result.metrics.writes_failed).toBeLessThan(210);
    expect(result.world.nodes.filter((node) => node.role === "server")).toHaveLength(4);
    expect(result.breaches).toEqual([]);
  });
});

describe("Kubernetes manifests", () => {
  const read = (yaml: string) => imported("app.yaml", { format: "kubernetes" }, yaml);
  const statefulSet = (probe: string) =>
    `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: db\n${probe}`;

  it("cites each probe field of the sample's line and lists liveness, startup and the grace period as not modelled", () => {
    expectCited("postgres-statefulset.yaml", {
      lines: [
        'interval: "5s", // postgres-statefulset.yaml:39: periodSeconds: 5',
        'probeTimeout: "2s", // postgres-statefulset.yaml:40: timeoutSeconds: 2',
      ],
      notModelled: [
        "terminationGracePeriodSeconds",
        "postgres.livenessProbe",
        "postgres.startupProbe",
      ],
      ignored: ["Service orders-db", "postgres.image", "postgres.readinessProbe.exec"],
    });
  });

  it("assumes Kubernetes' probe defaults for the fields a probe leaves out", () => {
    const { text } = read(
      statefulSet("          readinessProbe:\n            tcpSocket: { port: 5432 }\n"),
    );
    expect(text).toContain(
      `interval: "10s", // assumed: Kubernetes' default periodSeconds 10 (presets.kubernetesProbes)`,
    );
    expect(text).toContain(
      `failures: 3, // assumed: Kubernetes' default failureThreshold 3 (presets.kubernetesProbes)`,
    );
  });

  it("does not fail over a StatefulSet without probes", () => {
    const { text } = read(statefulSet("          image: postgres:16\n"));
    expect(text).toContain("automatic: false, // no readiness or liveness probe");
    expect(text).toContain("failovers: 0,");
  });

  it("cuts a timeoutSeconds above periodSeconds to the period, and says so", () => {
    const { text, plan } = read(
      statefulSet(
        "          readinessProbe:\n            periodSeconds: 2\n            timeoutSeconds: 5\n",
      ),
    );
    expect(text).toContain(
      'probeTimeout: "2s", // timeoutSeconds cut to periodSeconds (see above)',
    );
    expect(plan.notModelled.map((remark) => remark.subject)).toEqual([
      "timeoutSeconds above periodSeconds",
    ]);
  });
});
