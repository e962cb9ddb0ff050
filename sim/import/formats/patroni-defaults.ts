// Patroni's defaults as the importer needs them, read from presets.patroni (the one place they
// are kept, with their sources) rather than repeated: the lease's ttl, loop_wait and
// retry_timeout in seconds, and maximum_lag_on_failover in bytes of WAL. The model measures lag
// in time; presets.patroni assumes a primary writing 1 MiB of WAL per second, and so does the
// conversion here.
import { secondUs as second } from "../cluster.ts";
import { formatDuration, parseDuration, presets } from "../dsl.ts";

/** WAL written per second, to turn bytes of lag into time (presets.patroni's assumption). */
export const walBytesPerSecond = 1_048_576;

export interface PatroniDefaults {
  ttlS: number;
  loopWaitS: number;
  retryTimeoutS: number;
  maxLagBytes: number;
}

export function patroniDefaults(): PatroniDefaults {
  const failover = presets.patroni().failover ?? {};
  const seconds = (text: string | undefined) => parseDuration(text ?? "0s") / second;
  const lease = failover.lease ?? {};
  const maxLag = failover.maxLagOnFailover;
  return {
    ttlS: seconds(lease.ttl),
    loopWaitS: seconds(lease.renewEvery),
    retryTimeoutS: seconds(lease.retryTimeout),
    maxLagBytes:
      maxLag === undefined || maxLag === "unlimited"
        ? 0
        : Math.round((parseDuration(maxLag) * walBytesPerSecond) / second),
  };
}

/** Bytes of WAL as the time the assumed primary takes to write them: 1 MiB → "1s". */
export function walLagText(bytes: number): string {
  return formatDuration(Math.round((bytes * second) / walBytesPerSecond));
}
