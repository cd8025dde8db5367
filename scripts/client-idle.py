#!/usr/bin/env python3
"""Latency of a complete pgbench per-transaction log by the client's idle time before each send.

usage: scripts/client-idle.py LOG.gz

The idle time of a transaction is the time from the client's last event (the previous
transaction's scheduled start, or the latest reply before it) to its own scheduled start; the
first second of the log is left out, as calibrate does. Prints, per 100 us of idle time (the
last row: 1.2 ms and more), the transactions, their mean and their median latency. A sampled
log (pgbench --sampling-rate) has gaps, so its idle times mean nothing. Standard library only.
"""
import bisect
import gzip
import sys


def main(path):
    rows = []
    with gzip.open(path, "rt") as f:
        for line in f:
            field = line.split()
            latency = int(field[2])
            end = int(field[4]) * 1e6 + int(field[5])
            rows.append((end - latency, end, latency))
    rows.sort()
    rows = [r for r in rows if r[0] - rows[0][0] > 1e6]
    ends = sorted(r[1] for r in rows)
    buckets = {}
    for i, (start, _, latency) in enumerate(rows):
        previous_start = rows[i - 1][0] if i > 0 else start - 1e9
        j = bisect.bisect_left(ends, start) - 1
        previous_end = ends[j] if j >= 0 else start - 1e9
        idle = start - max(previous_start, previous_end)
        buckets.setdefault(min(int(idle // 100), 12), []).append(latency)
    for b in sorted(buckets):
        v = sorted(buckets[b])
        n = len(v)
        print("%4d-%s us  n=%6d  mean %.3f ms  median %.3f ms"
              % (b * 100, "    " if b == 12 else "%4d" % ((b + 1) * 100), n, sum(v) / n / 1000, v[n // 2] / 1000))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
