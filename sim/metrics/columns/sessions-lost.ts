// Sessions lost (sessions.ts): times a pool user had to log in again, one `session_lost` each.
import { defineMetric } from "../metric.ts";

export const sessionsLost = defineMetric({
  column: "sessions_lost",
  definition:
    'times a user of a pool with `sessions.store: "memory"` had to log in again: a user ' +
    "already served once reached a server that did not hold their session (it crashed or " +
    "restarted since, or the load balancer moved the user off their server); counted when " +
    'that request is served; always 0 with `"external"`',
  explanation:
    "Times a user of a pool with sessions in server memory had to log in again: served by a " +
    "server that no longer (or never) held the session, after a crash, a restart or a move by " +
    "the load balancer.",
  format: "count",
  measure:
    ({ shared }) =>
    () =>
      shared.sessions.count(),
});
