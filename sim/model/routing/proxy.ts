// Proxy routing: a proxy beside the clients follows the controller's reroutes, newest epoch
// first (and the controller re-announces the primary every round, so a proxy that missed one
// hears it again). Every connection moves at once.
import { fixedRouter, type Router, type RoutingKindModule } from "./routing-kind.ts";

type ProxyConfig = { kind: "proxy" };

const kind: RoutingKindModule<"proxy", ProxyConfig, "proxy", "proxy"> = {
  form: { word: "proxy" },
  example: `"proxy"`,
  defaults: {},
  target: "primary",
  resolve: () => ({ kind: "proxy" }),
  router: (_config, host): Router => {
    let epoch = 1;
    return {
      ...fixedRouter,
      reroute: (target, newEpoch) => {
        if (newEpoch <= epoch) return;
        epoch = newEpoch;
        host.retarget(target);
      },
    };
  },
  watches: () => [],
  estimate: () => null,
  describe: () => "through a proxy that follows the controller",
  rerouteSentence: (client, target) =>
    `The proxy of client group ${client} now sends writes to ${target}.`,
  rerouteWhy: "",
  draw: () => "proxy",
  settleUs: () => 0,
};
export default kind;
