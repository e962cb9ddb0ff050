// Hold-down failback: the original primary takes the role back once it has been a healthy,
// caught-up standby for `holdDown` — long enough to trust it, so a flapping node does not bounce
// the role.
import { drawDuration, duration, parseDuration, type Duration } from "../../dsl/index.ts";
import type { FailbackKindModule } from "./failback-kind.ts";

export interface HoldDownSpec {
  /** hold-down failback: health required first. Default "5m". */
  holdDown?: Duration;
}

const fields = { holdDown: duration().optional() };

/** Our assumption: five minutes of good health. */
const defaults = { holdDown: "5m" } as const;

const sUs = 1_000_000;

const kind: FailbackKindModule<"hold-down", typeof fields, { holdDownUs: number }, HoldDownSpec> = {
  fields,
  defaults,
  settings: (failover) => ({ holdDownUs: failover.holdDown ?? parseDuration(defaults.holdDown) }),
  check: () => {},
  due: (healthySinceUs, nowUs, { holdDownUs }) => nowUs - healthySinceUs >= holdDownUs,
  byOperator: false,
  describe: () => "failback hold-down",
  draw: (rng) => ({ failback: "hold-down", holdDown: drawDuration(rng, 5 * sUs, 60 * sUs) }),
};
export default kind;
