// etcd / Raft: the leader sends heartbeats; a follower that hears none for its election timeout
// stands for election and wins with a majority of votes; entries commit on a majority. With
// check-quorum a leader that cannot confirm a majority for an election timeout steps down.
// How it maps onto the model: every member's election logic is a monitor (one per member, three
// by default), the timeout detector is the election timeout, failover.quorum is the majority
// that must have lost the leader (pre-vote: a node only backs an election when it too has lost
// the leader), replication is "quorum", and "lease" fencing with a renewal every heartbeat and
// an election timeout's worth of retries is check-quorum (renewals are acknowledged only by the
// acting controller, which needs a majority).
// Approximations: the randomised election timeout ([T, 2T)) is a fixed T plus its mean extra
// (T/2) folded into promoteIn together with the vote round trip; leaders and members are
// separate nodes in the model, members in the same zone.
import { withOverrides } from "../policy-merge.ts";
import type { PolicyOverrides, PolicySpecOf } from "../policy-spec.ts";

/**
 * etcd / Raft defaults.
 * - Detector: timeout, heartbeat-interval 100 ms, election-timeout 1000 ms.
 * - Quorum 2 of 3 members (set a majority for other sizes); replication quorum (majority commit).
 * - Fencing: check-quorum as a lease — the leader steps down 1 s after it last reached a majority.
 * - Failback never. Typical failover ≈ 1.4–1.5 s (documented: 1–2 s).
 */
export function raft(overrides: PolicyOverrides = {}): PolicySpecOf<"raft"> {
  return withOverrides(
    {
      preset: "raft",
      detector: {
        kind: "timeout",
        /** --heartbeat-interval 100 ms, --election-timeout 1000 ms (etcd.io/docs/v3.5/tuning). */
        interval: "100ms",
        timeout: "1s",
      },
      /** Majority replication: waitFor defaults to a majority of the cluster (etcd-io/raft raft.go). */
      replication: { mode: "quorum" },
      failover: {
        /** A majority of a three-member cluster; PreVote true (etcd-io/etcd server/embed/config.go). */
        quorum: 2,
        /** Check-quorum: a leader without contact with a majority for an election timeout steps down
         *  (etcd-io/raft raft.go): renew every heartbeat (100 ms) and give up 1 s after the last success. */
        fencing: "lease",
        lease: { ttl: "1s", renewEvery: "100ms", retryTimeout: "900ms" },
        /** Leadership is not sticky. */
        failback: "never",
        /** A returning node is a follower at once; the leader overwrites its conflicting entries
         *  (Raft's AppendEntries consistency check; etcd-io/raft raft.go). */
        rejoin: "standby",
        /** Damping comes from randomised timeouts, pre-vote and check-quorum, not from a block. */
        blockFor: "0s",
      },
      standby: {
        /** The randomised part of the election timeout, uniform on [0, 1000 ms) (etcd-io/raft
         *  randomizedElectionTimeout), at its mean 500 ms; the vote round trip is a few ms. */
        promoteIn: "500ms",
      },
    },
    overrides,
  );
}
