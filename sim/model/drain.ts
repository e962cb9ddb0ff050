// How long the world runs on past the scenario's duration: until every write and read issued
// before the end has its outcome. A write is tried `retries` + 1 times; each attempt may first
// wait for its connection to reconnect, then waits at most the timeout for its answer; between
// attempts the backoff doubles. A read has one attempt. So every outcome comes within
// (retries + 1) × (reconnect + timeout) + backoff × (2^retries − 1) of its issue.
import type { ClientConfig } from "./client-config.ts";

export function outcomeWithinUs(client: ClientConfig): number {
  return (
    (client.retries + 1) * (client.reconnectUs + client.timeoutUs) +
    client.backoffUs * (2 ** client.retries - 1)
  );
}

/** The drain after the duration: the slowest client group's outcome bound. */
export function drainUs(clients: readonly ClientConfig[]): number {
  return Math.max(0, ...clients.map(outcomeWithinUs));
}
