// Discovery routing: after a failed attempt a client asks the coordination store (every monitor)
// for the primary, as a Patroni- or Consul-aware driver does; the acting controller answers with
// the primary that confirmed its promotion and its epoch, and the group moves every connection to
// a newer one. One lookup at a time; one nobody answers is given up after the write timeout.
import { fixedRouter, type Router, type RoutingKindModule } from "./routing-kind.ts";

type DiscoveryConfig = { kind: "discovery" };

const kind: RoutingKindModule<"discovery", DiscoveryConfig, "discovery", "discovery"> = {
  form: { word: "discovery" },
  example: `"discovery"`,
  defaults: {},
  target: "primary",
  resolve: () => ({ kind: "discovery" }),
  router: (_config, host): Router => {
    const { world } = host;
    let epoch = 1;
    let inFlight = false;
    return {
      ...fixedRouter,
      attemptFailed: () => {
        if (inFlight) return;
        inFlight = true;
        for (const monitor of world.monitors)
          world.send(host.name, monitor, { type: "lookup", client: host.name });
        world.at(world.nowUs + host.timeoutUs, { kind: "lookup-timeout", client: host.index });
      },
      lookupReply: (primary, newEpoch) => {
        inFlight = false;
        if (newEpoch <= epoch) return;
        epoch = newEpoch;
        host.retarget(primary);
      },
      lookupTimedOut: () => {
        inFlight = false;
      },
    };
  },
  watches: () => [],
  estimate: () => null,
  describe: () => "asking the coordination store for the primary after a failed write",
  rerouteSentence: (client, target) =>
    `Client group ${client} asks the coordination store and now sends writes to ${target}.`,
  rerouteWhy: ", each after asking the coordination store",
  draw: () => "discovery",
  settleUs: () => 0,
};
export default kind;
