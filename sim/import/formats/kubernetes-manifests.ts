// Reading Kubernetes manifests (one or more YAML documents): the first Deployment or StatefulSet,
// its replicas, and the probes of its pod's containers as the API validates them — whole numbers,
// periodSeconds, timeoutSeconds, failureThreshold and successThreshold at least 1 (defaults 10, 1,
// 3, 1), initialDelaySeconds at least 0, successThreshold 1 for liveness and startup probes
// (kubernetes.io, configure liveness, readiness and startup probes). Everything else in the
// file is listed as ignored, a document or a key at a time.
import { maxImportedNodes } from "../cluster.ts";
import type { ProblemList } from "../import-error.ts";
import type { Remark } from "../plan.ts";
import {
  entriesByKey,
  mapEntries,
  parseYaml,
  readInteger,
  scalarOf,
  seqItems,
  type YamlEntry,
  type YamlFile,
} from "../yaml-tree.ts";

export const probeKinds = ["readinessProbe", "livenessProbe", "startupProbe"] as const;
export type ProbeKind = (typeof probeKinds)[number];
export const probeFields = [
  "periodSeconds",
  "timeoutSeconds",
  "failureThreshold",
  "successThreshold",
] as const;
export type ProbeField = (typeof probeFields)[number];

export interface Probe {
  kind: ProbeKind;
  container: string;
  entry: YamlEntry;
  /** The fields the probe sets, with their entries (absent: Kubernetes' default). */
  fields: Partial<Record<ProbeField, { value: number; entry: YamlEntry }>>;
}

export interface Workload {
  kind: "Deployment" | "StatefulSet";
  name: string;
  kindEntry: YamlEntry;
  replicas: { value: number; entry: YamlEntry | null };
  probes: Probe[];
}

export interface Manifests {
  yaml: YamlFile;
  workload: Workload | null;
  notModelled: Remark[];
  ignored: Remark[];
}

const workloadKinds = ["Deployment", "StatefulSet"];
const handlers = ["httpGet", "tcpSocket", "exec", "grpc"];

export function readManifests(text: string, problems: ProblemList): Manifests {
  const yaml = parseYaml(text, problems);
  const manifests: Manifests = { yaml, workload: null, notModelled: [], ignored: [] };
  for (const document of yaml.documents) {
    if (document.contents === null) continue;
    const entries = mapEntries(document.contents, yaml);
    const byKey = entriesByKey(entries ?? []);
    const kind = byKey.get("kind");
    if (entries === null || kind === undefined || typeof scalarOf(kind) !== "string") {
      problems.add(
        yaml.lineOf(document.range[0]),
        null,
        "expected a Kubernetes object (apiVersion, kind, metadata, spec)",
      );
      continue;
    }
    const kindName = String(scalarOf(kind));
    const name = nameOf(byKey.get("metadata"), yaml);
    if (!workloadKinds.includes(kindName))
      manifests.ignored.push({
        subject: `${kindName} ${name}`,
        line: kind.line,
        detail: "objects not about failure detection",
      });
    else if (manifests.workload !== null)
      manifests.ignored.push({
        subject: `${kindName} ${name}`,
        line: kind.line,
        detail: `another workload (sim import models the first, ${manifests.workload.name})`,
      });
    else
      manifests.workload = workload(
        kindName as Workload["kind"],
        name,
        kind,
        byKey.get("spec"),
        manifests,
        problems,
      );
  }
  if (manifests.workload === null && problems.count === 0)
    problems.add(null, null, "expected a Deployment or a StatefulSet");
  return manifests;
}

function nameOf(metadata: YamlEntry | undefined, yaml: YamlFile): string {
  const name = entriesByKey(mapEntries(metadata?.value, yaml) ?? []).get("name");
  return name === undefined ? "(unnamed)" : String(scalarOf(name));
}

function workload(
  kind: Workload["kind"],
  name: string,
  kindEntry: YamlEntry,
  spec: YamlEntry | undefined,
  manifests: Manifests,
  problems: ProblemList,
): Workload {
  const found: Workload = {
    kind,
    name,
    kindEntry,
    replicas: { value: 1, entry: null },
    probes: [],
  };
  for (const entry of mapEntries(spec?.value, manifests.yaml) ?? []) {
    if (entry.key === "replicas") {
      const replicas = readInteger(entry, { min: 1, text: false, unit: "replicas" }, problems);
      if (replicas !== undefined && replicas > maxImportedNodes - 1)
        problems.add(
          entry.line,
          "replicas",
          `expected at most ${maxImportedNodes - 1} replicas (sim import writes at most ${maxImportedNodes} nodes), got ${replicas}`,
        );
      else if (replicas !== undefined) found.replicas = { value: replicas, entry };
    } else if (entry.key === "template") {
      podTemplate(entry, found, manifests, problems);
    } else {
      manifests.ignored.push({
        subject: `spec.${entry.key}`,
        line: entry.line,
        detail: "workload settings not about failure detection",
      });
    }
  }
  return found;
}

function podTemplate(
  template: YamlEntry,
  found: Workload,
  manifests: Manifests,
  problems: ProblemList,
): void {
  const yaml = manifests.yaml;
  const pod = entriesByKey(mapEntries(template.value, yaml) ?? []).get("spec");
  for (const entry of mapEntries(pod?.value, yaml) ?? []) {
    if (entry.key === "containers") {
      for (const container of seqItems(entry.value))
        containerProbes(container, found, manifests, problems);
    } else if (entry.key === "terminationGracePeriodSeconds") {
      manifests.notModelled.push({
        subject: "terminationGracePeriodSeconds",
        line: entry.line,
        detail: "how long a stopping pod may finish its work; the model's crash is abrupt",
      });
    } else {
      manifests.ignored.push({
        subject: `pod ${entry.key}`,
        line: entry.line,
        detail: "pod settings not about failure detection",
      });
    }
  }
}

function containerProbes(
  container: unknown,
  found: Workload,
  manifests: Manifests,
  problems: ProblemList,
): void {
  const entries = mapEntries(container, manifests.yaml) ?? [];
  const nameEntry = entriesByKey(entries).get("name");
  const name = nameEntry === undefined ? "(unnamed)" : String(scalarOf(nameEntry));
  for (const entry of entries) {
    if ((probeKinds as readonly string[]).includes(entry.key))
      found.probes.push(probe(entry, entry.key as ProbeKind, name, manifests, problems));
    else if (entry.key !== "name")
      manifests.ignored.push({
        subject: `${name}.${entry.key}`,
        line: entry.line,
        detail: "container settings not about failure detection",
      });
  }
}

function probe(
  entry: YamlEntry,
  kind: ProbeKind,
  container: string,
  manifests: Manifests,
  problems: ProblemList,
): Probe {
  const found: Probe = { kind, container, entry, fields: {} };
  for (const field of mapEntries(entry.value, manifests.yaml) ?? []) {
    const subject = `${container}.${kind}.${field.key}`;
    if ((probeFields as readonly string[]).includes(field.key)) {
      const value = readInteger(
        field,
        {
          min: 1,
          text: false,
          unit:
            field.key === "failureThreshold" || field.key === "successThreshold"
              ? "probes"
              : "seconds",
        },
        problems,
      );
      if (
        value !== undefined &&
        field.key === "successThreshold" &&
        kind !== "readinessProbe" &&
        value !== 1
      ) {
        problems.add(
          field.line,
          field.key,
          `expected 1 for a ${kind} (Kubernetes allows no other), got ${value}`,
        );
      } else if (value !== undefined) {
        found.fields[field.key as ProbeField] = { value, entry: field };
      }
    } else if (field.key === "initialDelaySeconds") {
      if (readInteger(field, { min: 0, text: false, unit: "seconds" }, problems) !== undefined) {
        manifests.ignored.push({
          subject,
          line: field.line,
          detail: "delays that apply only while a container starts (the crash hits a running pod)",
        });
      }
    } else {
      const detail = handlers.includes(field.key)
        ? "how a probe is made (a crashed pod answers none)"
        : "not known to sim import";
      manifests.ignored.push({ subject, line: field.line, detail });
    }
  }
  return found;
}
