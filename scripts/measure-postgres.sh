#!/usr/bin/env bash
# Measures PostgreSQL 15 (Debian) under pgbench and writes the logs capsim's calibrate reads.
#
#   scripts/measure-postgres.sh [OUT_DIR]      (default: datasets/postgres; run as root)
#
# Not part of CI: it takes about 17 minutes and wants a quiet machine with two cores.
# The server runs on core 0 and pgbench on core 1 (taskset); shared_buffers sits on huge
# pages (vm.nr_hugepages, huge_pages=on), because without them a kernel memory scanner
# can freeze a core for tens of milliseconds at a time. Two transactions, each a dataset:
#   light: pgbench's built-in select-only transaction (one primary-key lookup);
#   heavy: a range sum over HEAVY_ROWS accounts (about 2 ms of CPU).
# For each: an unthrottled run of CAP_S seconds (capacity, per-second throughput kept as
# pgbench's per-second aggregate log; 180 s by default, because the server's capacity switches
# between levels for stretches of seconds to tens of seconds, and a 60 s run met too few of
# them to say how often and how long), a low-load run at 5% of capacity, and open-loop runs at 0.5,
# 0.7 and 0.85 of capacity (--rate: Poisson schedule; each logged latency is measured from
# the transaction's scheduled start, so it includes the schedule lag). Capacity is measured
# again for CAP_CHECK_S seconds before and after each target run (runs.csv).
# Logs of more than LOG_LINES transactions are sampled (--sampling-rate); calibrate takes a
# run's rate from pgbench's per-client transaction counters, which count every transaction.
# Durations can be shortened through the environment (CAP_S, LOW_S, TARGET_S, CAP_CHECK_S).
set -euo pipefail

out="$(realpath -m "${1:-datasets/postgres}")"
CAP_S="${CAP_S:-180}"
LOW_S="${LOW_S:-60}"
TARGET_S="${TARGET_S:-60}"
CAP_CHECK_S="${CAP_CHECK_S:-10}"
CLIENTS="${CLIENTS:-16}"
SCALE="${SCALE:-10}"
HEAVY_ROWS="${HEAVY_ROWS:-20000}"
LOG_LINES="${LOG_LINES:-120000}"
PORT="${PORT:-5499}"
work="${WORK:-/tmp/capsim-pg}"
pgbin=/usr/lib/postgresql/15/bin

if [[ ! -x "$pgbin/postgres" ]]; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 postgresql-client-15
fi

old_hugepages="$(cat /proc/sys/vm/nr_hugepages)"
cleanup() {
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true
    echo "$old_hugepages" > /proc/sys/vm/nr_hugepages || true
}
trap cleanup EXIT

# 256 MB of shared buffers need 128 pages of 2 MB; the rest of the shared segment fits in 72.
echo 200 > /proc/sys/vm/nr_hugepages
rm -rf "$work"
mkdir -p "$work" "$out"
chown postgres "$work"
runuser -u postgres -- "$pgbin/initdb" -D "$work/data" -A trust >/dev/null
cat >> "$work/data/postgresql.conf" <<EOF
port = $PORT
listen_addresses = ''
unix_socket_directories = '$work'
shared_buffers = 256MB
huge_pages = on
max_connections = 40
synchronous_commit = off
EOF
taskset -c 0 runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/data" -l "$work/server.log" -w start >/dev/null
psql=(runuser -u postgres -- psql -h "$work" -p "$PORT" -d postgres -qAt)
bench() { taskset -c 1 runuser -u postgres -- "$pgbin/pgbench" -h "$work" -p "$PORT" -n "$@" postgres; }

runuser -u postgres -- "$pgbin/pgbench" -h "$work" -p "$PORT" -i -q -s "$SCALE" postgres >/dev/null 2>&1
"${psql[@]}" -c "VACUUM ANALYZE" -c "SELECT pg_prewarm('pgbench_accounts')" >/dev/null 2>&1 \
    || "${psql[@]}" -c "VACUUM ANALYZE" >/dev/null
"${psql[@]}" -c "SELECT count(*) FROM pgbench_accounts" >/dev/null

cat > "$work/heavy.sql" <<EOF
\set aid random(1, $SCALE * 100000 - $HEAVY_ROWS)
SELECT sum(abalance) FROM pgbench_accounts WHERE aid BETWEEN :aid AND :aid + $HEAVY_ROWS;
EOF
chown postgres "$work/heavy.sql"

# mean transactions per second of an unthrottled run: capacity SECONDS SCRIPT_ARGS... (stdout)
capacity() {
    local secs="$1"; shift
    bench -c "$CLIENTS" -j 1 -T "$secs" "$@" 2>/dev/null | awk '/^tps = /{printf "%.0f\n", $3}'
}

# the per-transaction log of one run, merged over pgbench's files and gzipped: log NAME RUN_ARGS...
logged_run() {
    local name="$1"; shift
    local dir="$work/log-$name"
    rm -rf "$dir"; mkdir -p "$dir"; chown postgres "$dir"
    bench -c "$CLIENTS" -j 1 -l --log-prefix="$dir/tx" "$@" > "$dir/stdout" 2>&1
    sort -k5,5n -k6,6n "$dir"/tx.* | gzip -9 > "$dataset/$name.log.gz"
    grep -E '^(tps|latency average|number of transactions actually)' "$dir/stdout" | sed "s/^/  $name: /"
}

echo "name,kind,rate_per_s,duration_s,sampling_rate,capacity_before_tps,capacity_after_tps,loadavg_before" \
    > "$work/runs.header"
for kind in light heavy; do
    dataset="$out/$kind"
    mkdir -p "$dataset"
    if [[ $kind == light ]]; then script=(-S); else script=(-f "$work/heavy.sql"); fi
    echo "== $kind: capacity ($CAP_S s, unthrottled)"
    bench -c "$CLIENTS" -j 1 -T 5 "${script[@]}" >/dev/null 2>&1   # warm the connections' caches
    dir="$work/cap-$kind"; rm -rf "$dir"; mkdir -p "$dir"; chown postgres "$dir"
    bench -c "$CLIENTS" -j 1 -T "$CAP_S" -P 1 -l --aggregate-interval=1 --log-prefix="$dir/agg" \
        "${script[@]}" > "$dir/stdout" 2>&1
    cat "$dir"/agg.* > "$dataset/capacity.log"
    grep -E '^progress' "$dir/stdout" > "$dataset/capacity-progress.txt" || true
    cap="$(awk '/^tps = /{printf "%.0f\n", $3}' "$dir/stdout")"
    echo "   capacity $cap tps"
    cp "$work/runs.header" "$dataset/runs.csv"
    for level in low 0.5 0.7 0.85; do
        if [[ $level == low ]]; then frac=0.05; secs=$LOW_S; else frac=$level; secs=$TARGET_S; fi
        rate="$(awk -v c="$cap" -v f="$frac" 'BEGIN{printf "%.0f", c * f}')"
        sampling="$(awk -v r="$rate" -v s="$secs" -v n="$LOG_LINES" 'BEGIN{x = n / (r * s); if (x > 1) x = 1; printf "%.4f", x}')"
        before=""; after=""
        load="$(cut -d' ' -f1 /proc/loadavg)"
        [[ $level != low ]] && before="$(capacity "$CAP_CHECK_S" "${script[@]}")"
        echo "== $kind: $level ($rate tps for $secs s, sampling $sampling, capacity before ${before:--})"
        samp=(); [[ $sampling != 1.0000 ]] && samp=(--sampling-rate="$sampling")
        logged_run "$level" -T "$secs" -R "$rate" "${samp[@]}" "${script[@]}"
        [[ $level != low ]] && after="$(capacity "$CAP_CHECK_S" "${script[@]}")"
        echo "   capacity after ${after:--}"
        echo "$level,$kind,$rate,$secs,$sampling,$before,$after,$load" >> "$dataset/runs.csv"
    done
done
{
    echo "date_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "kernel: $(uname -r)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc)"
    echo "postgres: $("$pgbin/postgres" --version)"
    echo "clients: $CLIENTS, scale: $SCALE, heavy_rows: $HEAVY_ROWS"
    echo "durations_s: capacity $CAP_S, low $LOW_S, target $TARGET_S, capacity checks $CAP_CHECK_S"
} > "$out/conditions.txt"
echo "written to $out"
