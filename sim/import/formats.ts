// The registry of configuration formats `sim import` reads: one module each (formats/*.ts),
// under the names of format-names.ts (--format's choices); content detection asks each in turn.
import type { ConfigFormat } from "./config-format.ts";
import type { FormatName } from "./format-names.ts";
import { haproxy } from "./formats/haproxy.ts";
import { kubernetes } from "./formats/kubernetes.ts";
import { patroni } from "./formats/patroni.ts";
import { redisSentinel } from "./formats/redis-sentinel.ts";

export const formats: Record<FormatName, ConfigFormat> = {
  patroni,
  sentinel: redisSentinel,
  kubernetes,
  haproxy,
};

export { formatNames, type FormatName } from "./format-names.ts";
