// The benchmark's one-hour run: the busy day's scenario (scenarios/bench-busy-day.ts) cut to its
// first hour — the same cluster, load and hourly faults — to compare memory with the whole day.
import { busyDay } from "../../scenarios/bench-busy-day.ts";

export default busyDay(1);
