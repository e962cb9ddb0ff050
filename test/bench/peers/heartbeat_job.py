"""The heartbeat job (test/bench/jobs/heartbeat-job.ts) as a lean SimPy model, for
`npm run bench -- --peers`: the same shape and the same counts, written the way a SimPy user
would write it, with nothing else in it.

20 monitored pairs (one monitor watching 20 nodes): each pair is one process that, every 100 ms
round (at 0, 100 ms, ... up to and including the end), judges its node (suspect after 300 ms of
silence), sends a ping that arrives after the link's delay (1 ms +- 0.5 ms uniform, whole
microseconds), the node answers with a pong after another such delay, and the monitor notes when
it heard it. Time is integer microseconds, as ours. Events past the end are not run, as ours.
Prints one JSON line: pings and pongs delivered, suspicions, simulated seconds, wall seconds.
Usage: python3 heartbeat_job.py DURATION_S [PAIRS] [SEED]
"""
import json
import random
import sys
import time

import simpy

INTERVAL_US = 100_000
TIMEOUT_US = 300_000
LATENCY_US = 1_000
JITTER_US = 500


def pair(env, rng, counts):
    last_heard_us = 0
    round_us = 0
    while True:
        if env.now - last_heard_us > TIMEOUT_US:
            counts["suspicions"] += 1
        yield env.timeout(LATENCY_US + round(rng.uniform(-JITTER_US, JITTER_US)))
        counts["pings"] += 1
        yield env.timeout(LATENCY_US + round(rng.uniform(-JITTER_US, JITTER_US)))
        counts["pongs"] += 1
        last_heard_us = env.now
        round_us += INTERVAL_US
        yield env.timeout(round_us - env.now)


def main():
    duration_s = float(sys.argv[1])
    pairs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    rng = random.Random(seed)
    counts = {"pings": 0, "pongs": 0, "suspicions": 0}
    start = time.perf_counter()
    env = simpy.Environment()
    for _ in range(pairs):
        env.process(pair(env, rng, counts))
    # Events at the end itself still run (ours runs the round at the end); later ones do not.
    env.run(until=round(duration_s * 1e6) + 1)
    wall_s = time.perf_counter() - start
    print(json.dumps({**counts, "simulated_s": duration_s, "wall_s": wall_s}))


if __name__ == "__main__":
    main()
