#!/usr/bin/env python3
"""Issue #13's table from a scripts/run-scenarios.sh output directory (printed as Markdown).

Reads OUT/<scenario>.<target>.<round>.json (the load tool's reports), OUT/pauses.haven.<n>.json,
every OUT/*.gc.log (JVM unified logging: gc, gc+cpu, safepoint) and OUT/loadavg.txt. Figures are
medians over the rounds; "ratio" is Haven's median over the reference's, and the median of the
per-round ratios is given beside it (each round runs the servers back to back, so a round's
ratio is less exposed to a busy moment of the machine). A pause is a safepoint whose total time
(reaching it + at it) is over 50 ms: every stop of the JVM's threads, GC or not, is one.
"""
import glob
import json
import os
import re
import statistics
import sys

PAUSE_LIMIT_MS = 50.0
# JDK 17: Safepoint "G1CollectForAllocation", Time since last: N ns, Reaching safepoint: N ns, Cleanup: N ns, At safepoint: N ns, Total: N ns
SAFEPOINT = re.compile(r'Safepoint "([^"]+)".*Reaching safepoint: (\d+) ns.*Total: (\d+) ns')
GC_CPU = re.compile(r'User=([\d.]+)s Sys=([\d.]+)s Real=([\d.]+)s')


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def get(report, *keys):
    for key in keys:
        if not isinstance(report, dict) or key not in report:
            return None
        report = report[key]
    return report


# metric name -> (scenario, how to read it from a report, unit, lower is better, issue's target as a ratio)
METRICS = [
    ("s1 loss", "s1", lambda r: get(r, "loss"), "", None),
    ("s1 p99", "s1", lambda r: get(r, "latencyMs", "p99"), "ms", "≤ 1.3× (unchanged or better)"),
    ("s1 server CPU", "s1", lambda r: get(r, "serverCpuPercentOfOneCore"), "% of a core", "≤ 1.3× (unchanged or better)"),
    ("s2 loss", "s2", lambda r: get(r, "loss"), "", "0"),
    ("s2 p99", "s2", lambda r: get(r, "latencyMs", "p99"), "ms", "≤ 1.2×"),
    ("s2 p99.9", "s2", lambda r: get(r, "latencyMs", "p999"), "ms", "≤ 2×"),
    ("s2 server CPU", "s2", lambda r: get(r, "serverCpuPercentOfOneCore"), "% of a core", "≤ 1.2×"),
    ("s3 joined", "s3", lambda r: get(r, "connections", "joined"), "of 10,000", "all"),
    ("s3 CPU to connect, hello and join 10,000", "s3", lambda r: get(r, "server", "cpuSecondsJoining"), "s", "≤ 1.3×"),
    ("s3 RSS per idle connection", "s3", lambda r: get(r, "server", "rssPerConnectionKb"), "KB", "≤ 1.5×"),
]


def pauses(gc_log):
    """(count over the limit, worst total ms, worst's cause, worst GC pause's User+Sys and Real s)."""
    over, worst, cause = 0, 0.0, ""
    try:
        with open(gc_log, errors="replace") as f:
            lines = f.readlines()
    except OSError:
        return None
    worst_cpu = None
    for line in lines:
        m = SAFEPOINT.search(line)
        if m:
            total_ms = int(m.group(3)) / 1e6
            if total_ms > PAUSE_LIMIT_MS:
                over += 1
            if total_ms > worst:
                worst = total_ms
                cause = "%s (reaching %.0f ms)" % (m.group(1), int(m.group(2)) / 1e6)
        c = GC_CPU.search(line)
        if c:
            user_sys, real = float(c.group(1)) + float(c.group(2)), float(c.group(3))
            if worst_cpu is None or real > worst_cpu[1]:
                worst_cpu = (user_sys, real)
    return over, worst, cause, worst_cpu


def fmt(value, digits=2):
    if value is None:
        return "–"
    if isinstance(value, float) and value.is_integer() and abs(value) >= 100:
        return "%d" % value
    if isinstance(value, float):
        return ("%." + str(digits) + "f") % value
    return str(value)


def main(out):
    runs = {}  # (scenario, target) -> {round: report}
    for path in glob.glob(os.path.join(out, "*.json")):
        parts = os.path.basename(path)[:-5].split(".")
        if len(parts) != 3 or not parts[2].isdigit():
            continue
        report = load(path)
        if report is not None:
            runs.setdefault((parts[0], parts[1]), {})[int(parts[2])] = report
    targets = [t for t in ("haven", "reference", "baseline") if any(k[1] == t for k in runs)]
    loads = {}
    try:
        with open(os.path.join(out, "loadavg.txt")) as f:
            for line in f:
                name = line.split(" ", 1)[0]
                m = re.search(r"load: ([\d.]+)", line)
                if m:
                    loads[name] = float(m.group(1))
    except OSError:
        pass

    print("# Issue #13 scenarios: %s\n" % os.path.abspath(out))
    info = os.path.join(out, "run-info.txt")
    if os.path.exists(info):
        with open(info) as f:
            print("```\n" + f.read().strip() + "\n```\n")
    print("Medians over the rounds (n = runs); ratio = Haven / reference (median of the rounds' ratios).\n")
    header = "| metric | unit | " + " | ".join(targets) + " | Haven / reference | baseline / reference | target |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for name, scenario, read, unit, target in METRICS:
        medians, per_round = {}, {}
        for t in targets:
            values = {rnd: read(rep) for rnd, rep in runs.get((scenario, t), {}).items()}
            values = {rnd: v for rnd, v in values.items() if v is not None}
            per_round[t] = values
            medians[t] = (statistics.median(values.values()), len(values)) if values else (None, 0)
        if all(m[0] is None for m in medians.values()):
            continue
        cells = ["%s (n=%d)" % (fmt(m[0]), m[1]) if m[0] is not None else "–" for m in (medians[t] for t in targets)]

        def ratio(a):
            if name.endswith(("loss", "joined")):
                return ""
            if a not in medians or medians[a][0] is None or not medians.get("reference", (None,))[0]:
                return "–"
            rounds = [per_round[a][r] / per_round["reference"][r] for r in per_round[a]
                      if r in per_round["reference"] and per_round["reference"][r]]
            text = "%.2f×" % (medians[a][0] / medians["reference"][0])
            if rounds:
                text += " (%.2f×)" % statistics.median(rounds)
            return text

        print("| %s | %s | %s | %s | %s | %s |" % (name, unit, " | ".join(cells), ratio("haven"),
                                                   ratio("baseline"), target or ""))

    print("\n## Pauses over %.0f ms (safepoints: GC and every other stop)\n" % PAUSE_LIMIT_MS)
    print("| run | load before | p99 ms | max ms | stops > %.0f ms | worst stop | worst GC: CPU s / wall s |" % PAUSE_LIMIT_MS)
    print("|---|---|---|---|---|---|---|")
    names = sorted((os.path.basename(p)[:-7] for p in glob.glob(os.path.join(out, "*.gc.log"))),
                   key=lambda n: (n.split(".")[0] != "pauses", n.split(".")[0], n.split(".")[1],
                                  int(n.split(".")[2]) if n.split(".")[2].isdigit() else 0))
    pause_runs, pause_runs_clean = 0, 0
    for name in names:
        result = pauses(os.path.join(out, name + ".gc.log"))
        if result is None:
            continue
        over, worst, cause, worst_cpu = result
        report = load(os.path.join(out, name + ".json"))
        if name.startswith("pauses."):
            pause_runs += 1
            pause_runs_clean += over == 0
        print("| %s | %s | %s | %s | %d | %s | %s |" % (
            name, fmt(loads.get(name)), fmt(get(report, "latencyMs", "p99")), fmt(worst, 1), over, cause,
            "%.2f / %.2f" % worst_cpu if worst_cpu else "–"))
    if pause_runs:
        print("\n**%d of %d consecutive s1 runs of Haven (pauses.haven.N) had no stop over %.0f ms.** "
              "A stop whose wall time is many times its CPU time (last column) is the machine not "
              "running the JVM's threads, not work of the JVM." % (pause_runs_clean, pause_runs, PAUSE_LIMIT_MS))
    if loads:
        print("\nLoad average (1 min) before the runs: min %.2f, median %.2f, max %.2f (OUT/loadavg.txt)."
              % (min(loads.values()), statistics.median(loads.values()), max(loads.values())))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: scenario-table.py OUT")
    main(sys.argv[1])
