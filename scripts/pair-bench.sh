#!/usr/bin/env bash
# Compares the speed of two capsim jars on a shared (noisy) 2-core machine, in pairs: in each
# pair both jars run the same command at the same time, one on each core (taskset), so that
# whatever else the host does slows both alike; the cores are swapped from one pair to the next,
# since one core may be slower than the other. Each pair prints the simulation's own seconds
# (summary.json engine.wall_s) and the user CPU of each process, their ratio A / B, and whether
# the two summaries are identical apart from the timing fields (a change meant to be faster
# only must print "identical").
#
#   scripts/pair-bench.sh JAR_A JAR_B PAIRS capsim-arguments...
#   scripts/pair-bench.sh new.jar old.jar 2 run models/plans/edunerve-500k.yaml --duration-s 20 --replications 1 --threads 1
#
# The arguments are those of one `capsim run` command, without --out and --format, on one thread
# (--threads 1). Java options: CAPSIM_JAVA_OPTS as for ./capsim.
set -euo pipefail

if [[ $# -lt 4 ]]; then
    sed -n '2,14p' "$0" >&2
    exit 2
fi
jar_a="$1"
jar_b="$2"
pairs="$3"
shift 3
opts=(${CAPSIM_JAVA_OPTS:--Xmx2g -XX:+UseParallelGC})
work="$(mktemp -d "${TMPDIR:-/tmp}/capsim-pair.XXXXXX")"
trap 'rm -rf "$work"' EXIT

for ((i = 1; i <= pairs; i++)); do
    core_a=$((i % 2))
    core_b=$(((i + 1) % 2))
    rm -rf "$work/a" "$work/b"
    taskset -c "$core_a" /usr/bin/time -f %U -o "$work/a.cpu" \
        java "${opts[@]}" -jar "$jar_a" "$@" --format json --out "$work/a" > /dev/null 2>&1 &
    taskset -c "$core_b" /usr/bin/time -f %U -o "$work/b.cpu" \
        java "${opts[@]}" -jar "$jar_b" "$@" --format json --out "$work/b" > /dev/null 2>&1 &
    wait
    python3 - "$work" "$core_a" <<'PY'
import json, sys
work, core_a = sys.argv[1], sys.argv[2]
a = json.load(open(f"{work}/a/summary.json"))
b = json.load(open(f"{work}/b/summary.json"))
cpu_a = float(open(f"{work}/a.cpu").read().split()[-1])
cpu_b = float(open(f"{work}/b.cpu").read().split()[-1])
sim_a, sim_b = a["engine"]["wall_s"], b["engine"]["wall_s"]
for s in (a, b):
    s["engine"].pop("wall_s")
    s["engine"].pop("events_per_s")
print(f"A on core {core_a}: simulation {sim_a:.2f} s against {sim_b:.2f} s ({sim_a / sim_b:.3f}), "
      f"user CPU {cpu_a:.1f} s against {cpu_b:.1f} s ({cpu_a / cpu_b:.3f}), "
      + ("identical" if a == b else "DIFFERENT summaries"))
PY
done
