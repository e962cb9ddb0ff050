// The DNS service clients with DNS routing look up (routing/dns.ts): one record for the primary,
// which the acting controller updates when it reroutes, as a cloud provider updates a Route 53
// failover record or an RDS endpoint. Changing the record is instant; clients see the change only
// when their cached answer expires.

export class Dns {
  private record: string;

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
}
