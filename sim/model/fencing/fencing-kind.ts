// What a fencing kind is — how a deposed primary is kept from taking writes — one module holding
// every facet of it (fencing/<kind>.ts), the registry (fencing/index.ts) the only list:
//   DSL        its settings among a scenario's `failover` fields (zod) and their defaults, each
//              with its unit and source;
//   resolve    those settings in µs (resolved whichever kind is chosen, so a scenario swept
//              across kinds keeps them), and a check of what the model could run but not honour;
//   model      the mechanisms of the model it engages (the data node, the world's storage and
//              the controller each ask for theirs);
//   describe   its phrase in `sim explain`;
//   fuzz       how the swarm draws it, and its term of the settle period.
// Every facet is required: a kind that leaves one out does not compile. Kinds do not import the
// model's config: what they read of it is stated here.
import type * as z from "zod";
import type { Rng } from "../../engine/index.ts";
import type { ResolveContext } from "../../dsl/index.ts";
import type { SettingsFacets } from "../kind-settings.ts";

/** Which of the model's fencing mechanisms a kind engages. */
export interface FencingMechanisms {
  /** The controller has the old primary powered off (STONITH) before it promotes. */
  readonly powersOffFirst: boolean;
  /** Storage refuses commits, and promotions completing late, of an epoch older than the newest. */
  readonly refusesStaleEpoch: boolean;
  /** A primary holds a lease and demotes itself when it cannot renew it. */
  readonly holdsLease: boolean;
  /** A primary refuses writes without enough recently-heard replicas. */
  readonly needsReplicas: boolean;
}

/** What a check may ask of the scenario being resolved. */
export interface FencingCheckSite {
  readonly context: ResolveContext;
  /** Standbys streaming to the primary (hot or warm). */
  readonly streamingStandbys: number;
  /** The path at which a failover field was written: the scenario's own, or its policy's. */
  writtenAt(path: readonly PropertyKey[]): PropertyKey[];
  /** Whether a value was written at that path. */
  isWritten(path: readonly PropertyKey[]): boolean;
}

/** What a kind's settle term reads of the resolved failover policy and replication (µs). */
export interface FencingSettleView {
  readonly failover: {
    readonly stonith: {
      readonly delayUs: number;
      readonly durationUs: number;
      readonly timeoutUs: number;
      readonly failureProbability: number;
    };
    readonly lease: { readonly renewEveryUs: number; readonly retryTimeoutUs: number };
    readonly minReplicasMaxLagUs: number;
  };
  readonly statusIntervalUs: number;
}

export interface FencingKindModule<
  Name extends string,
  Fields extends z.ZodRawShape,
  Settings extends object,
  Spec extends object,
> extends SettingsFacets<Fields, Settings, Spec> {
  /** Fails (failAt) when the resolved settings ask for what the model cannot honour. */
  check(settings: Settings, site: FencingCheckSite): void;
  readonly mechanisms: FencingMechanisms;
  /** "no fencing", "fencing by stonith". */
  describe(): string;
  /** The swarm's draw: the scenario's `failover` fields for this kind. */
  draw(
    rng: Rng,
    context: { streamingStandbys: number },
  ): { fencing: Name } & Record<string, unknown>;
  /** Its term of the settle period: how long fencing may take after a failure (µs). */
  settleUs(view: FencingSettleView): number;
}
