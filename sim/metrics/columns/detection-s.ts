// Detection time, the worst over detected incidents: detection.ts follows each incident from its
// fault to the first suspicion of a node it reaches.
import { DetectionObserver } from "../detection.ts";
import { defineMetric } from "../metric.ts";

export const detectionS = defineMetric({
  column: "detection_s",
  definition:
    "for each incident — a disruptive fault: `crash`, `pause`, `partition`, `blip`, " +
    "`isolate`, `oneWay`, a degradation (`loss`, `delay`, `flaky`), `slow`, `readOnly`, " +
    "`zoneOutage`, `dnsOutage` — the time from the fault to the first moment one of the watched nodes " +
    "it reaches is suspected by any monitor (or, for a pool server, taken out of rotation " +
    "by a load balancer), counted only while the fault lasts (until its restart, heal, " +
    "restore or end); 0 when such a node is already suspected when the fault hits. A node " +
    "fault reaches the nodes it names (a zone: the nodes in it); a network fault reaches " +
    "a database node or pool server when it disturbs a link between it and one of its " +
    "watchers (monitors, witnesses, the load balancer). The worst over detected " +
    "incidents; an incident with no such suspicion while it lasts, or that reaches no " +
    "watched node (a monitor's crash, a DNS outage), is left out; empty if none was detected",
  explanation:
    "For the worst incident, the time from the fault to the first suspicion by any monitor.",
  format: "seconds",
  measure: ({ config, observe }) => {
    const detection = observe(new DetectionObserver(config));
    return () => detection.seconds();
  },
});
