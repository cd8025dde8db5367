#!/usr/bin/env bash
# Runs seed plans with the settings in their files and rewrites the plan table of README.md
# from their summaries, so that no number in it is copied by hand.
#
#   scripts/plan-table.sh                 every models/plans/*.yaml
#   scripts/plan-table.sh stars-10k ...   only these plans (the other rows stay as they are)
#   scripts/plan-table.sh --table-only    no runs: the table from results/plans/*/summary.json
#
# Each plan runs into results/plans/NAME/ (its summary.json, and the table on the terminal).
# Java options for the runs: CAPSIM_JAVA_OPTS, as for ./capsim.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run=true
plans=()
for arg in "$@"; do
    if [[ "$arg" == --table-only ]]; then
        run=false
    else
        plans+=("$root/models/plans/$arg.yaml")
    fi
done
if [[ ${#plans[@]} -eq 0 ]]; then
    plans=("$root"/models/plans/*.yaml)
fi

summaries=()
for plan in "${plans[@]}"; do
    name="$(basename "$plan" .yaml)"
    out="$root/results/plans/$name"
    if $run; then
        echo "plan-table: running $name" >&2
        "$root/capsim" run "$plan" --out "$out" --format json,table
    fi
    if [[ -f "$out/summary.json" ]]; then
        summaries+=("$out/summary.json")
    else
        echo "plan-table: no $out/summary.json; the row of $name stays as it is" >&2
    fi
done
if [[ ${#summaries[@]} -eq 0 ]]; then
    echo "plan-table: no summaries to render" >&2
    exit 1
fi
"$root/capsim" --help > /dev/null   # builds the jar when it is stale
java -cp "$root/experiments/target/capsim.jar" capsim.experiments.report.PlanTable "$root/README.md" \
    "${summaries[@]}"
echo "plan-table: README.md updated from ${#summaries[@]} summaries" >&2
