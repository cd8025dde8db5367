#!/usr/bin/env bash
# Whole-process figures of the two STARS 100K benchmarks in README.md "Performance":
#   run    ./capsim run models/plans/stars-100k.yaml with the file's own settings
#   sweep  ./capsim sweep experiments/stars-100k-app.yaml --threads 2 (3 x 3 points, 5 replications of 600 s)
#   speed  ./capsim sweep experiments/stars-100k-app-speed.yaml --threads 2 (the same size, every point simulated)
#
#   scripts/perf-stars.sh [run] [sweep] [speed]     run and sweep when none is named
#
# Each runs into a fresh folder under ${TMPDIR:-/tmp}/capsim-perf (a folder that already holds
# finished jobs would have them read back instead of run), after the jar is built, so that
# neither the build nor a previous run is in the figures. Prints wall-clock, user and system
# seconds and peak resident memory from /usr/bin/time. Take them on an otherwise idle machine.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${TMPDIR:-/tmp}/capsim-perf"
what=("$@")
if [[ ${#what[@]} -eq 0 ]]; then
    what=(run sweep)
fi
"$root/capsim" --help > /dev/null   # builds the jar when it is stale
mkdir -p "$out"
for w in "${what[@]}"; do
    case "$w" in
        run) cmd=("$root/capsim" run "$root/models/plans/stars-100k.yaml" --out "$out/run" --format json,table) ;;
        sweep) cmd=("$root/capsim" sweep "$root/experiments/stars-100k-app.yaml" --threads 2 --out "$out/sweep") ;;
        speed) cmd=("$root/capsim" sweep "$root/experiments/stars-100k-app-speed.yaml" --threads 2 --out "$out/speed") ;;
        *) echo "usage: scripts/perf-stars.sh [run] [sweep] [speed]" >&2; exit 2 ;;
    esac
    rm -rf "${out:?}/$w"
    /usr/bin/time -f "$w: %e s wall, %U s user, %S s system, %M KiB peak resident" "${cmd[@]}" > "$out/$w.log"
    echo "$w: output in $out/$w.log and $out/$w/" >&2
done
