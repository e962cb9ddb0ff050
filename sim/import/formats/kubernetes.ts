// Kubernetes manifests: the first Deployment or StatefulSet and its pod's probes. Mechanics
// (kubernetes.io, configure liveness, readiness and startup probes): the kubelet probes every
// periodSeconds; a probe without an answer within timeoutSeconds fails; failureThreshold
// failures in a row make a readiness probe take the pod out of its Services' endpoints
// (successThreshold passes put it back) and a liveness probe restart the container. The
// readinessProbe decides when traffic leaves a pod; without one, a hung pod stays Ready until
// its livenessProbe restarts it, so that probe decides.
// Two shapes: a Deployment's replicas are a pool of equals behind the Service (the clients' load
// balancer, `routing: { lb }`, with the probe's timing); a StatefulSet's pods are a primary
// (pod-0) and standbys, the Service moving traffic to a ready one (presets.kubernetesProbes: the
// "promotion" is that move; Kubernetes promotes nothing itself, a database needs its own).
import {
  clientFields,
  expectations,
  faultOn,
  faultTiming,
  secondUs as second,
} from "../cluster.ts";
import type { ConfigFile, ConfigFormat, ImportOptions } from "../config-format.ts";
import { ProblemList } from "../import-error.ts";
import { noted, type Fields, type PlanNode, type ScenarioPlan } from "../plan.ts";
import { clockText, durationText } from "../scenario-text.ts";
import { readManifests, type Manifests, type Workload } from "./kubernetes-manifests.ts";
import {
  detectionWindow,
  otherProbes,
  probeTiming,
  type ProbeTiming,
} from "./kubernetes-probe-timing.ts";

/** A hot standby's promotion (the model's default promoteIn; presets.kubernetesProbes keeps it). */
const promoteUs = second;

export const kubernetes: ConfigFormat = {
  system: "Kubernetes",
  looksLike: "Kubernetes manifests (apiVersion, kind: Deployment or StatefulSet)",
  recognises: (text) => /^apiVersion\s*:/m.test(text) && /^kind\s*:/m.test(text),
  read: readKubernetes,
};

function readKubernetes(file: ConfigFile, options: ImportOptions): ScenarioPlan {
  const problems = new ProblemList(file.name);
  const manifests = readManifests(file.text, problems);
  const workload = manifests.workload;
  const probe =
    workload?.probes.find((found) => found.kind === "readinessProbe") ??
    workload?.probes.find((found) => found.kind === "livenessProbe") ??
    null;
  if (
    workload !== null &&
    workload.kind === "Deployment" &&
    probe === null &&
    problems.count === 0
  ) {
    problems.add(
      workload.kindEntry.line,
      `Deployment ${workload.name}`,
      "expected a readinessProbe or a livenessProbe: without one Kubernetes never takes a hung pod out of its Service, and sim import models the Service as a load balancer that checks its pods",
    );
  }
  problems.throwIfAny();
  // Not null: a file without a Deployment or StatefulSet is a problem of readManifests.
  const found = workload as Workload;
  const timing = probeTiming(probe, manifests);
  for (const other of found.probes) {
    if (other !== probe)
      manifests.notModelled.push({
        subject: `${other.container}.${other.kind}`,
        line: other.entry.line,
        detail: otherProbes[other.kind],
      });
  }
  return found.kind === "Deployment"
    ? poolPlan(found, timing, manifests, file, options)
    : statefulPlan(found, timing, manifests, file, options);
}

function podNodes(
  workload: Workload,
  role: (index: number) => PlanNode["role"],
  name: (index: number) => string,
): PlanNode[] {
  return Array.from({ length: workload.replicas.value }, (_, index): PlanNode => ({
    name: name(index),
    role: role(index),
    zone: role(index) === "standby" ? "b" : "a",
    origin: {
      note: `pod ${workload.name}-${index}${index === 0 && workload.replicas.entry !== null ? ` (line ${workload.replicas.entry.line}: replicas: ${workload.replicas.value})` : ""}`,
    },
  }));
}

function statefulPlan(
  workload: Workload,
  timing: ProbeTiming,
  manifests: Manifests,
  file: ConfigFile,
  options: ImportOptions,
): ScenarioPlan {
  const fault = faultTiming(
    timing.periodUs,
    timing.failures * timing.periodUs + timing.timeoutUs + promoteUs,
  );
  const standbys = workload.replicas.value - 1;
  const fields: Fields =
    timing.probe === null
      ? {
          failover: {
            automatic: noted(
              false,
              "no readiness or liveness probe: a hung pod is never taken out of the Service",
            ),
          },
        }
      : {};
  const detector: Fields = {
    interval: timing.cited.periodSeconds,
    probeTimeout: timing.cited.timeoutSeconds,
    failures: timing.cited.failureThreshold,
    successes: timing.cited.successThreshold,
  };
  return {
    ...common(workload, timing, manifests, file, options),
    summary: `Kubernetes as ${file.name} sets it up: pod ${workload.name}-0 of StatefulSet ${workload.name} stops answering; after ${timing.failures} failed probes the Service moves traffic to a ready pod.`,
    nodes: [
      ...podNodes(
        workload,
        (index) => (index === 0 ? "primary" : "standby"),
        (index) => `db${index + 1}`,
      ),
      {
        name: "kubelet",
        role: "monitor",
        zone: "c",
        origin: { note: "the kubelet's prober and the endpoints controller" },
      },
    ],
    policy: { preset: "kubernetesProbes", overrides: { detector } },
    fields: { ...fields, ...clientFields("a") },
    durationUs: fault.durationUs,
    fault: faultOn("db1", fault),
    story: [
      storyText(
        `db1 (pod ${workload.name}-0)`,
        fault,
        timing,
        standbys > 0
          ? "the Service sends traffic to db2, accepting writes after its 1 s promotion"
          : "no other pod can take the traffic",
      ),
    ],
    expect: expectations(
      standbys > 0 && timing.probe !== null ? 1 : 0,
      timing.probe === null ? null : detectionWindow(timing),
      file.name,
    ),
  };
}

function poolPlan(
  workload: Workload,
  timing: ProbeTiming,
  manifests: Manifests,
  file: ConfigFile,
  options: ImportOptions,
): ScenarioPlan {
  const fault = faultTiming(timing.periodUs, timing.failures * timing.periodUs + timing.timeoutUs);
  const lb: Fields = {
    interval: timing.cited.periodSeconds,
    timeout: timing.cited.timeoutSeconds,
    rise: timing.cited.successThreshold,
    fall: timing.cited.failureThreshold,
  };
  const count = workload.replicas.value;
  return {
    ...common(workload, timing, manifests, file, options),
    summary: `Kubernetes as ${file.name} sets it up: one of ${count} pods of Deployment ${workload.name} stops answering; after ${timing.failures} failed probes it leaves the Service.`,
    nodes: podNodes(
      workload,
      () => "server",
      (index) => `pod${index + 1}`,
    ),
    policy: null,
    fields: clientFields("c", { lb }),
    durationUs: fault.durationUs,
    fault: faultOn("pod1", fault),
    story: [
      storyText(
        `pod1 (a pod of ${workload.name})`,
        fault,
        timing,
        count > 1
          ? `until then 1 in ${count} requests goes to it and fails`
          : "no other pod can take the traffic",
      ),
    ],
    expect: expectations(0, detectionWindow(timing), file.name),
  };
}

function common(
  workload: Workload,
  timing: ProbeTiming,
  manifests: Manifests,
  file: ConfigFile,
  options: ImportOptions,
): Pick<ScenarioPlan, "system" | "source" | "name" | "about" | "notModelled" | "ignored"> {
  const shape =
    workload.kind === "Deployment"
      ? "The model: the pods are a pool of servers behind the clients' load balancer — the Service, which sends requests only to Ready pods — checking them with the probe's timing (routing: { lb })."
      : 'The model: presets.kubernetesProbes. The monitor kubelet probes the pods (a consecutive detector with the probe\'s timing); pod 0 is the primary, and the "promotion" of another is the Service sending it the traffic (Kubernetes promotes nothing itself: a database needs its own replication and leader election).';
  const decider =
    timing.probe === null
      ? "No probe is set."
      : `The ${timing.probe.kind} of container ${timing.probe.container} (line ${timing.probe.entry.line}) decides${timing.probe.kind === "livenessProbe" ? ": without a readinessProbe a hung pod stays Ready until this probe restarts it" : ""}.`;
  return {
    system: "Kubernetes",
    source: file.name,
    name: options.name,
    about: [`${shape} ${decider}`],
    notModelled: manifests.notModelled,
    ignored: manifests.ignored,
  };
}

function storyText(
  who: string,
  fault: { atUs: number; roundBeforeUs: number },
  timing: ProbeTiming,
  then: string,
): string {
  const window = detectionWindow(timing);
  const firstUs = fault.roundBeforeUs + timing.periodUs;
  const outUs = fault.roundBeforeUs + timing.failures * timing.periodUs + timing.timeoutUs;
  return `The fault: ${who} stops answering (the model's crash: silent, as a hung process or a lost node; a container that exits is seen by the kubelet at once) at a moment each seed draws between two probes (${clockText(fault.roundBeforeUs)} and ${clockText(firstUs)}); told here for the average case, halfway, at ${clockText(fault.atUs)}. Kubernetes' mechanics with these values: the probes from ${clockText(firstUs)} on fail, each after timeoutSeconds = ${durationText(timing.timeoutUs)}; after failureThreshold = ${timing.failures} failures in a row the pod is out at ${clockText(outUs)}, ${durationText(outUs - fault.atUs)} after the crash (${durationText(window.earliestUs)} to ${durationText(window.latestUs)} after a crash at any moment); ${then}.`;
}
