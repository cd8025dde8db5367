#!/usr/bin/env python3
"""Full against auto fidelity on the seed plans: the README table, from the runs' summary.json.

usage: scripts/fidelity-table.py [--run | --run-auto] [--dir DIR] PLAN... [-- CAPSIM_RUN_OPTIONS...]

For each PLAN (a file name in models/plans/ without .yaml) it reads
DIR/PLAN/{full,auto}/summary.json (DIR: results/fidelity). With --run it first runs
`./capsim run models/plans/PLAN.yaml --fidelity MODE --out DIR/PLAN/MODE [OPTIONS]`
for each mode whose summary is missing, one at a time (--run-auto: the auto ones only, so
that a missing full run is reported rather than started). It prints one Markdown row per plan:
run times (engine.wall_s), events, the largest relative difference of any class's mean and
p99 and of any tier's utilisation, the two uptime estimates with their 95% intervals, and
whether the intervals overlap. Python 3 standard library only.
"""
import json
import os
import subprocess
import sys

MODES = ("full", "auto")
ROOT = [os.path.join("results", "fidelity")]


def summary_path(plan, mode):
    return os.path.join(ROOT[0], plan, mode, "summary.json")


def run(plan, mode, options):
    out = os.path.dirname(summary_path(plan, mode))
    cmd = ["./capsim", "run", os.path.join("models", "plans", plan + ".yaml"), "--fidelity", mode,
           "--out", out] + options
    print("running: " + " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def worst(full, auto, pick):
    """The largest |auto - full| / full over the (name, value) pairs pick gives, with its name."""
    best = (0.0, "-")
    a = dict(pick(auto))
    for name, f in pick(full):
        if name in a and f:
            d = (a[name] - f) / f
            if abs(d) > abs(best[0]):
                best = (d, name)
    return best


def class_stat(stat):
    return lambda s: [(n, c["latency_ms"][stat]) for n, c in s["classes"].items()]


def tier_util(s):
    return [(n, t["utilization"]) for n, t in s["tiers"].items()]


def sampled_tiers(s):
    f = s.get("engine", {}).get("fidelity", {})
    parts = ["%s %g/%g" % (n, round(t["simulated"], 1), round(t["nodes"], 1))
             for n, t in f.items() if t["simulated"] < t["nodes"] - 1e-9]
    return ", ".join(parts) if parts else "none"


def pct(d):
    return "%+.1f%% (%s)" % (100 * d[0], d[1])


def uptime(s):
    u = s["uptime"]
    ci = u.get("ci95") or [u["ratio"], u["ratio"]]  # one replication: no interval
    return "%.3f%% [%.3f, %.3f]" % (100 * u["ratio"], 100 * ci[0], 100 * ci[1]), ci


def main(argv):
    options = []
    if "--" in argv:
        options = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    run_modes = MODES if "--run" in argv else ("auto",) if "--run-auto" in argv else ()
    if "--dir" in argv:
        i = argv.index("--dir")
        ROOT[0] = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    plans = [a for a in argv if a not in ("--run", "--run-auto")]
    if not plans:
        print(__doc__, file=sys.stderr)
        return 2
    print("| plan | tiers sampled by auto (simulated / nodes) | full run | auto run | events full / auto "
          "| worst class mean | worst class p99 | worst tier utilisation | all within 5% | uptime full | uptime auto | overlap |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for plan in plans:
        for mode in MODES:
            if mode in run_modes and not os.path.exists(summary_path(plan, mode)):
                run(plan, mode, options)
        if not all(os.path.exists(summary_path(plan, m)) for m in MODES):
            missing = [m for m in MODES if not os.path.exists(summary_path(plan, m))]
            print("| %s | (no %s summary) ||||||||||" % (plan, " or ".join(missing)))
            continue
        full, auto = (json.load(open(summary_path(plan, m))) for m in MODES)
        fu, fci = uptime(full)
        au, aci = uptime(auto)
        overlap = "yes" if fci[0] <= aci[1] and aci[0] <= fci[1] else "NO"
        worsts = [worst(full, auto, class_stat("mean")), worst(full, auto, class_stat("p99")),
                  worst(full, auto, tier_util)]
        within = "yes" if all(abs(w[0]) <= 0.05 for w in worsts) else "NO"
        print("| %s | %s | %.1f s | %.1f s | %.1f M / %.1f M | %s | %s | %s | %s | %s | %s | %s |" % (
            plan, sampled_tiers(auto), full["engine"]["wall_s"], auto["engine"]["wall_s"],
            full["engine"]["events"] / 1e6, auto["engine"]["events"] / 1e6,
            pct(worsts[0]), pct(worsts[1]), pct(worsts[2]), within, fu, au, overlap))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
