// HAProxy active health checks: each proxy checks every server every `inter`; `fall` failures in
// a row mark it DOWN and traffic goes to the backup server; `rise` successes bring it back.
// How it maps onto the model: the monitor is the proxy's checker, a consecutive detector with
// inter / fall / rise; a "promotion" is only a traffic switch (promoteIn 0); failback is
// immediate. HAProxy replicates and fences nothing: replication is left to the scenario (the
// model's default, async), fencing is none.
// Assumptions: without `timeout check`, HAProxy uses `inter` as the check timeout, so a silent
// server (a crashed host) is DOWN 6–8 s after it fails; a refused connection fails a check at
// once, which is where the documented 4–6 s comes from. Not modelled: slowstart, observe.
import { withOverrides } from "../policy-merge.ts";
import type { PolicyOverrides, PolicySpecOf } from "../policy-spec.ts";

/**
 * HAProxy defaults.
 * - Detector: consecutive, inter 2 s (also the check timeout), fall 3, rise 2.
 * - Failback immediate; no fencing; no anti-flapping beyond rise; promoteIn 0 (traffic switch).
 * - Typical failover ≈ 6–8 s for a silent server (4–6 s when connections are refused).
 */
export function haproxy(overrides: PolicyOverrides = {}): PolicySpecOf<"haproxy"> {
  return withOverrides(
    {
      preset: "haproxy",
      detector: {
        kind: "consecutive",
        /** inter 2000 ms, fall 3, rise 2; without `timeout check`, inter is the check timeout
         *  (HAProxy configuration manual, server options inter, fall, rise; docs.haproxy.org). */
        interval: "2s",
        probeTimeout: "2s",
        failures: 3,
        successes: 2,
      },
      failover: {
        /** Each proxy decides alone. */
        quorum: 1,
        fencing: "none",
        /** Traffic returns once `rise` checks pass; no hold-down timer. */
        failback: "immediate",
        /** Traffic layer: a returning server has no log to rewind. */
        rejoin: "standby",
        blockFor: "0s",
      },
      /** Moving traffic to the backup server is immediate. */
      standby: { promoteIn: "0s" },
    },
    overrides,
  );
}
