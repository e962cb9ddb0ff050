// The DNS service clients with DNS routing look up (routing/dns.ts): one record for the primary,
// which the acting controller updates when it reroutes, as a cloud provider updates a Route 53
// failover record or an RDS endpoint. Changing the record is instant; clients see the change only
// when their cached answer expires. The resolvers clients use may be unable to reach the service
// (an outage of the provider or of the resolvers): then a lookup fails and returns nothing —
// resolvers serve no stale answer (RFC 8767's serve-stale is off by default and not modelled).
// The record itself is still updated during an outage: the controller writes to the provider's
// API, which is not the resolution path. Outages may overlap; each ends by itself or all at once.

export class Dns {
  private record: string;
  /** Outages in force, by id. */
  private readonly outages = new Set<number>();
  private outageIds = 0;

  constructor(primary: string) {
    this.record = primary;
  }

  /** The record as the controller last set it. */
  current(): string {
    return this.record;
  }

  set(target: string): void {
    this.record = target;
  }

  /** The answer a resolver gets: the record, or null while the service is unreachable. */
  lookup(): string | null {
    return this.outages.size > 0 ? null : this.record;
  }

  /** Resolvers cannot reach the service from now on, until `recover(id)` or `recoverAll()`. */
  fail(): number {
    const id = ++this.outageIds;
    this.outages.add(id);
    return id;
  }

  recover(id: number): void {
    this.outages.delete(id);
  }

  recoverAll(): void {
    this.outages.clear();
  }
}
