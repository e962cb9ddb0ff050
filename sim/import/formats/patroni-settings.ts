// The Patroni settings the model maps, each with the entry of the file it came from: their
// defaults (patroni-defaults.ts) and Patroni's own adjustment of the timeouts
// (patroni/config.py _validate_and_adjust_timeouts: minimums ttl 20, loop_wait 1, retry_timeout
// 3; loop_wait + 2 × retry_timeout ≤ ttl, lowering loop_wait first).
import type { YamlEntry } from "../yaml-tree.ts";
import { patroniDefaults } from "./patroni-defaults.ts";

/** A setting's value (after Patroni's adjustment) and the entry it came from (null: default). */
export interface Setting<T> {
  value: T;
  entry: YamlEntry | null;
  /** What the file said, when Patroni adjusts it. */
  adjustedFrom?: number;
}

export interface PatroniSettings {
  ttl: Setting<number>;
  loopWait: Setting<number>;
  retryTimeout: Setting<number>;
  maxLagBytes: Setting<number>;
  syncMode: Setting<boolean | "quorum">;
  strict: Setting<boolean>;
  syncCount: Setting<number>;
  /** Patroni's adjustments of the timeouts, as sentences. */
  adjustments: string[];
}

export function defaultSettings(): PatroniSettings {
  const defaults = patroniDefaults();
  const fixed = <T>(value: T): Setting<T> => ({ value, entry: null });
  return {
    ttl: fixed(defaults.ttlS),
    loopWait: fixed(defaults.loopWaitS),
    retryTimeout: fixed(defaults.retryTimeoutS),
    maxLagBytes: fixed(defaults.maxLagBytes),
    syncMode: fixed<boolean | "quorum">(false),
    strict: fixed(false),
    syncCount: fixed(1),
    adjustments: [],
  };
}

/** Patroni's rule (patroni/config.py): minimums first, then loop_wait + 2 × retry_timeout ≤ ttl. */
export function adjustTimeouts(settings: PatroniSettings): void {
  const adjust = (setting: Setting<number>, name: string, value: number, why: string) => {
    if (setting.value === value) return;
    settings.adjustments.push(
      `Patroni adjusts ${name} from ${setting.value} to ${value} (${why}).`,
    );
    setting.adjustedFrom ??= setting.value;
    setting.value = value;
  };
  const { ttl, loopWait, retryTimeout } = settings;
  adjust(loopWait, "loop_wait", Math.max(loopWait.value, 1), "its minimum");
  adjust(retryTimeout, "retry_timeout", Math.max(retryTimeout.value, 3), "its minimum");
  adjust(ttl, "ttl", Math.max(ttl.value, 20), "its minimum");
  const rule = "to keep loop_wait + 2 × retry_timeout ≤ ttl";
  if (1 + 2 * retryTimeout.value > ttl.value) {
    adjust(loopWait, "loop_wait", 1, rule);
    adjust(retryTimeout, "retry_timeout", Math.floor((ttl.value - 1) / 2), rule);
  } else if (loopWait.value + 2 * retryTimeout.value > ttl.value) {
    adjust(loopWait, "loop_wait", ttl.value - 2 * retryTimeout.value, rule);
  }
}
