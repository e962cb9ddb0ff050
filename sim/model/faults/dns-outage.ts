// dnsOutage(for?): the DNS service that clients with DNS routing look up is unreachable — an
// outage of the provider or of the resolvers (Dyn, October 2016; Route 53 resolution failures) —
// until dnsRestore(), or for `for`. Real-world basis: a stub or recursive resolver whose cached
// answer has expired asks again; when no server answers it returns SERVFAIL or times out, and
// serves no stale answer unless RFC 8767 serve-stale is enabled (off by default; not modelled).
// So in the model (dns.ts, routing/dns.ts): a connection whose cached answer expires during the
// outage gets no address — it sends nothing and its writes and reads time out, failing over to
// nothing even when the controller has moved the record to a new primary — and it looks again at
// each use; connections whose answer has not expired keep it, and those that ignore the TTL never
// notice. The record itself is still updated (the controller writes through the provider's API,
// not through resolution). Once the service answers, each connection looks the primary up at its
// next use and connects anew. No monitor uses DNS, so the outage reaches no watched node. The
// fuzzer takes DNS down for the episode, then restores it.
import * as z from "zod";
import { duration, failAt, spokenDuration, strict, type Duration } from "../../dsl/index.ts";
import type { EpisodeShape, FaultKindModule } from "./fault-kind.ts";
import { quoted } from "./words.ts";

export type DnsOutageSpec = { kind: "dns-outage"; restore: boolean; for?: Duration };

/** The DNS service is unreachable: until dnsRestore(), or for `duration`. */
export function dnsOutage(duration?: Duration): DnsOutageSpec {
  return { kind: "dns-outage", restore: false, ...(duration !== undefined && { for: duration }) };
}

/** The DNS service answers again (every outage ends). */
export function dnsRestore(): DnsOutageSpec {
  return { kind: "dns-outage", restore: true };
}

/** `durationUs` 0: until a restore. */
type DnsOutageFault = { kind: "dns-outage"; restore: boolean; durationUs: number };
type DnsOutageEpisode = { kind: "dns-outage" };

const isDnsOutage = (fault: { readonly kind: string } | undefined): fault is DnsOutageFault =>
  fault?.kind === "dns-outage";

const schema = strict(
  {
    kind: z.literal("dns-outage"),
    restore: z.boolean(),
    for: duration({ positive: true }).optional(),
  },
  "dnsOutage(for) or dnsRestore()",
);

const episode: EpisodeShape<DnsOutageEpisode> = {
  // Offered to any cluster: where no client uses DNS routing, the outage changes nothing, truly.
  offered: () => true,
  draw: () => ({ kind: "dns-outage" }),
  repairable: true,
  entries: () => ({ start: dnsOutage(), repair: dnsRestore() }),
  names: () => [],
};

const kind: FaultKindModule<
  DnsOutageFault,
  DnsOutageSpec,
  z.output<typeof schema>,
  { "dns-outage": typeof episode }
> = {
  builders: ["dnsOutage()", "dnsRestore()"],
  schema,
  resolve: (spec, site) => {
    if (spec.restore && spec.for !== undefined)
      failAt(
        site.context,
        [...site.path, "for"],
        "no duration on dnsRestore(), which ends every outage",
      );
    return { kind: "dns-outage", restore: spec.restore, durationUs: spec.for ?? 0 };
  },
  apply: (fault, world) => {
    if (fault.restore) {
      world.dns.recoverAll();
      return;
    }
    const outage = world.dns.fail();
    if (fault.durationUs > 0) world.later(fault.durationUs, () => world.dns.recover(outage));
  },
  label: (fault) =>
    fault.restore
      ? "DNS answers again"
      : `DNS unreachable${fault.durationUs > 0 ? ` for ${fault.durationUs / 1e6} s` : ""}`,
  node: () => "",
  explain: (fault) =>
    fault.restore
      ? "Repair: the DNS service answers again; a connection without an address looks the primary up at its next use."
      : `Fault: the DNS service is unreachable${fault.durationUs > 0 ? ` for ${spokenDuration(fault.durationUs)}` : ""}; a connection whose cached answer expires gets no address and sends nothing until it answers again.`,
  startsOrStops: () => [],
  disruptive: (fault) => !fault.restore,
  reach: () => new Set(),
  repairedBy: (event) => event.kind === "fault" && isDnsOutage(event.fault) && event.fault.restore,
  knownEndUs: (fault, startUs) => (fault.durationUs > 0 ? startUs + fault.durationUs : Infinity),
  source: (spec) =>
    spec.restore ? "dnsRestore()" : `dnsOutage(${spec.for === undefined ? "" : quoted(spec.for)})`,
  episodes: { "dns-outage": episode },
};
export default kind;
