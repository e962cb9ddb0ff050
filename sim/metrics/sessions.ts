// Sessions lost: how many times a user of a pool with sessions in server memory had to log in
// again — a returning user served by a server that did not hold the user's session, because
// that server crashed or restarted since, or because the load balancer moved the user off its
// own server (taken out of rotation). One trace `session_lost` event each; with an external
// session store there are none.
import type { TraceEvent } from "../model/index.ts";
import type { TraceObserver } from "./observer.ts";

export class SessionsObserver implements TraceObserver {
  readonly reads = ["session_lost"] as const;
  private lost = 0;

  observe(event: TraceEvent): void {
    if (event.kind === "session_lost") this.lost++;
  }

  count(): number {
    return this.lost;
  }
}
