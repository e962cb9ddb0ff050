// The probe that decides, as the kubelet runs it: its period, timeout and thresholds from the
// manifest or Kubernetes' defaults (presets.kubernetesProbes), each cited to its line or to the
// default; a timeout above the period cut to the period (the model probes every period); and
// the window in which a crash at any moment is detected.
import { secondUs as second } from "../cluster.ts";
import { formatDuration, parseDuration, presets } from "../dsl.ts";
import { assumed, fromLine, noted, type Cited } from "../plan.ts";
import type { Manifests, Probe, ProbeField, ProbeKind } from "./kubernetes-manifests.ts";

export interface ProbeTiming {
  probe: Probe | null;
  periodUs: number;
  timeoutUs: number;
  failures: number;
  successes: number;
  cited: Record<ProbeField, Cited>;
}

/** What the probes that do not decide would do, which the model does not. */
export const otherProbes: Record<ProbeKind, string> = {
  startupProbe: "guards a starting container; the crash hits a running pod",
  livenessProbe:
    "restarts the container after failureThreshold failures (with its restart back-off); the model's crashed pod stays down",
  readinessProbe: "another container's readiness; the model follows one probe per pod",
};

export function probeTiming(probe: Probe | null, manifests: Manifests): ProbeTiming {
  const defaults = presets.kubernetesProbes().detector ?? {};
  const defaultValues: Record<ProbeField, number> = {
    periodSeconds: parseDuration(defaults.interval ?? "10s") / second,
    timeoutSeconds: parseDuration(defaults.probeTimeout ?? "1s") / second,
    failureThreshold: defaults.failures ?? 3,
    successThreshold: defaults.successes ?? 1,
  };
  const value = (field: ProbeField) => probe?.fields[field]?.value ?? defaultValues[field];
  const cite = (field: ProbeField, shown: Cited["value"]): Cited => {
    const found = probe?.fields[field];
    return found === undefined
      ? assumed(
          shown,
          `Kubernetes' default ${field} ${defaultValues[field]} (presets.kubernetesProbes)`,
        )
      : fromLine(shown, found.entry.line, manifests.yaml.lineText(found.entry.line));
  };
  const periodUs = value("periodSeconds") * second;
  let timeoutUs = value("timeoutSeconds") * second;
  if (timeoutUs > periodUs) {
    timeoutUs = periodUs;
    manifests.notModelled.push({
      subject: "timeoutSeconds above periodSeconds",
      line: probe?.fields.timeoutSeconds?.entry.line ?? null,
      detail:
        "the kubelet waits for a probe before starting the next; the model probes every period, so the timeout is cut to periodSeconds",
    });
  }
  const cited = {
    periodSeconds: cite("periodSeconds", formatDuration(periodUs)),
    timeoutSeconds:
      timeoutUs === value("timeoutSeconds") * second
        ? cite("timeoutSeconds", formatDuration(timeoutUs))
        : noted(formatDuration(timeoutUs), "timeoutSeconds cut to periodSeconds (see above)"),
    failureThreshold: cite("failureThreshold", value("failureThreshold")),
    successThreshold: cite("successThreshold", value("successThreshold")),
  };
  return {
    probe,
    periodUs,
    timeoutUs,
    failures: value("failureThreshold"),
    successes: value("successThreshold"),
    cited,
  };
}

/** After a crash at any moment: (failureThreshold − 1) × periodSeconds + timeoutSeconds, plus up to one period. */
export function detectionWindow(timing: ProbeTiming): { earliestUs: number; latestUs: number } {
  return {
    earliestUs: (timing.failures - 1) * timing.periodUs + timing.timeoutUs,
    latestUs: timing.failures * timing.periodUs + timing.timeoutUs,
  };
}
