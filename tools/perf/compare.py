#!/usr/bin/env python3
"""`make compare`: every workload under each pyrs dispatch backend and under
CPython 3.14 (when installed), side by side; writes perf/report.md, the SVG
charts and perf/results.json.

    python3 tools/perf/compare.py [--no-build] [--rounds N] [--quick] [--jobs N]
                                  [--valgrind-size ci|bench] [--report-only]

Measures, for the same .pyc files (identical bytecode for every
interpreter):
  - wall time, as ratios to one reference (python3.14 if present, else
    pyrs-switch) measured in the same rounds: each round runs every
    interpreter once, alternating the order (A B C, C B A, ...);
    median and min-max over the rounds;
  - instructions executed (callgrind, whole process) and machine
    instructions per executed bytecode instruction (the bytecode count comes
    from a pyrs `stats` build and serves CPython too; it is cross-checked
    against python3.14's own count under sys.monitoring);
  - indirect branches and their mispredictions (cachegrind --branch-sim);
  - peak resident memory (GNU time);
  - instructions per statement of the dispatch micro-benchmarks;
  - what the `stats` and `trace` features cost when compiled in.
Wall times are noisy: only ratios from one run are reported. Needs Python
3.8+, cargo and valgrind; python3.14 is optional.
"""

import argparse
import concurrent.futures
import datetime
import json
import os
import pickle
import statistics
import subprocess
import sys

import interpreters as ip
import measure
import report
import workloads as wl

REPS = 100  # statements per micro-benchmark iteration (gen_workloads.py)


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-build", action="store_true", help="use the existing release builds")
    ap.add_argument("--rounds", type=int, default=11, help="wall-time rounds (default 11)")
    ap.add_argument("--quick", action="store_true",
                    help="CI sizes and 3 rounds: a smoke test of this script, not a report")
    ap.add_argument("--jobs", type=int, default=1, help="valgrind runs in parallel (default 1)")
    ap.add_argument("--out", default="perf", help="output folder (default perf/)")
    ap.add_argument("--valgrind-size", choices=["ci", "bench"], default="bench",
                    help="the argument under valgrind: the workload's bench size (default) "
                         "or its CI size, ten times fewer instructions and as many per bytecode")
    ap.add_argument("--report-only", action="store_true",
                    help="rewrite the report from the measurements the last run saved "
                         "(target/perf/compare.pickle)")
    return ap.parse_args()


def run_parallel(jobs, tasks):
    """Runs (key, fn, args) tasks; returns {key: result}."""
    if jobs <= 1:
        return {k: fn(*a) for k, fn, a in tasks}
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        futs = {k: pool.submit(fn, *a) for k, fn, a in tasks}
        return {k: f.result() for k, f in futs.items()}


def progress(msg):
    print(msg, file=sys.stderr, flush=True)


def valgrind_metrics(args, interps, works, size_of, stats):
    """Instructions, branches and bytecodes per (workload, interp)."""
    tasks = []
    for w in works:
        size, exp = size_of(w), w.read_expected(size_of(w))
        tasks.append(((w.name, "bytecodes"), measure.bytecodes, (stats, w.pyc(), size, exp)))
        for it in interps:
            tasks.append(((w.name, it.name, "ir"), measure.instructions, (it, w.pyc(), size, exp)))
            tasks.append(((w.name, it.name, "br"), measure.branches, (it, w.pyc(), size, exp)))
    # start-up and exit: the nop micro-benchmark with a loop count of 0
    nop = [m for m in wl.micro() if m.name == "nop"][0]
    for it in interps:
        tasks.append((("startup", it.name, "ir"), measure.instructions, (it, nop.pyc(), 0, b"0\n")))
        tasks.append((("startup", it.name, "br"), measure.branches, (it, nop.pyc(), 0, b"0\n")))
    tasks.append((("startup", "bytecodes"), measure.bytecodes, (stats, nop.pyc(), 0, b"0\n")))
    progress(f"valgrind: {len(tasks)} runs")
    return run_parallel(args.jobs, tasks)


def micro_metrics(args, interps):
    """Machine instructions per statement of each micro-benchmark:
    (Ir(loop count N) - Ir(0)) / (N * REPS)."""
    tasks = []
    for m in wl.micro():
        n = m.ci_size
        for it in interps:
            tasks.append(((m.name, it.name, n), measure.instructions,
                          (it, m.pyc(), n, m.read_expected(n))))
            tasks.append(((m.name, it.name, 0), measure.instructions, (it, m.pyc(), 0, b"0\n")))
    progress(f"micro-benchmarks: {len(tasks)} valgrind runs")
    res = run_parallel(args.jobs, tasks)
    out = {}
    for m in wl.micro():
        for it in interps:
            d = res[(m.name, it.name, m.ci_size)] - res[(m.name, it.name, 0)]
            out[(m.name, it.name)] = d / (m.ci_size * REPS)
    return out


def feature_costs(args, works):
    """Instructions of the default build and of builds with `stats` or
    `trace` compiled in (PYRS_TRACE unset, so trace prints nothing), at the
    CI sizes."""
    builds = [ip.pyrs("switch"), ip.feature_build("stats"), ip.feature_build("trace")]
    tasks = []
    for w in works:
        for b in builds:
            tasks.append(((w.name, b.name), measure.instructions,
                          (b, w.pyc(), w.ci_size, w.read_expected(w.ci_size))))
    progress(f"feature builds: {len(tasks)} valgrind runs")
    return [b.name for b in builds], run_parallel(args.jobs, tasks)


def cross_check(cpython, works, stats):
    """Bytecodes counted by the pyrs stats build and by python3.14 under
    sys.monitoring, at the CI sizes, each less its count for the empty
    program (the nop micro-benchmark looping 0 times): the counting script's
    own few instructions and pyrs's INTERPRETER_EXIT cancel out."""
    script = os.path.join(wl.ROOT, "tools", "perf", "count_bytecodes.py")

    def theirs(pyc, size):
        cmd = cpython.argv + [script, pyc, str(size)]
        p = subprocess.run(cmd, cwd=wl.ROOT, env=cpython.environ(), capture_output=True,
                           text=True)
        for line in p.stderr.splitlines():
            if line.startswith("bytecodes "):
                return int(line.split()[1])
        raise measure.Failed(f"count_bytecodes.py {pyc}: {p.stderr[-2000:]}")

    nop = [m for m in wl.micro() if m.name == "nop"][0]
    base = (measure.bytecodes(stats, nop.pyc(), 0, b"0\n"), theirs(nop.pyc(), 0))
    out = {"empty program": base}
    for w in works:
        mine = measure.bytecodes(stats, w.pyc(), w.ci_size, w.read_expected(w.ci_size))
        out[w.name] = (mine, theirs(w.pyc(), w.ci_size))
        progress(f"cross-check {w.name}: pyrs stats {mine}, python3.14 {out[w.name][1]}")
    return out


def wall_times(args, interps, works, size_of, ref):
    """Per workload: {interp: [ratio per round]}, and the reference's
    median seconds."""
    ratios, ref_secs = {}, {}
    rounds = 3 if args.quick else args.rounds
    for w in works:
        size, exp = size_of(w), w.read_expected(size_of(w))
        for it in interps:  # warm the page cache
            measure.timed(it, w.pyc(), size, exp)
        per = {it.name: [] for it in interps}
        secs = []
        for r in range(rounds):
            order = interps if r % 2 == 0 else list(reversed(interps))
            t = {it.name: measure.timed(it, w.pyc(), size, exp) for it in order}
            for it in interps:
                per[it.name].append(t[it.name] / t[ref])
            secs.append(t[ref])
        ratios[w.name] = per
        ref_secs[w.name] = statistics.median(secs)
        progress(f"wall time {w.name}: " + ", ".join(
            f"{k} {statistics.median(v):.2f}" for k, v in per.items()))
    return ratios, ref_secs


def machine():
    """What the report says about where it was measured."""
    def cmd(*c):
        try:
            return subprocess.run(c, capture_output=True, text=True, cwd=wl.ROOT).stdout.strip()
        except OSError:
            return "?"
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            mem = f"{int(f.readline().split()[1]) / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    commit = cmd("git", "rev-parse", "--short", "HEAD")
    if cmd("git", "status", "--porcelain", "--untracked-files=no"):
        commit += " (with uncommitted changes)"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": mem,
        "kernel": cmd("uname", "-sr"),
        "rustc": cmd("rustc", "--version"),
        "valgrind": cmd("valgrind", "--version"),
        "commit": commit,
        "date": datetime.date.today().isoformat(),
    }


# where the measurements are kept, so the report can be rewritten without
# measuring again (--report-only)
SAVED = os.path.join("target", "perf", "compare.pickle")


def main():
    args = parse_args()
    os.chdir(wl.ROOT)
    if args.report_only:
        with open(SAVED, "rb") as f:
            data = pickle.load(f)
        os.makedirs(args.out, exist_ok=True)
        report.write(data, args.out)
        progress(f"wrote {args.out}/report.md")
        return
    if not args.no_build:
        for feats, d in list(ip.BACKENDS.values()) + list(ip.FEATURE_BUILDS.values()):
            ip.build(feats, d)
    interps = [ip.pyrs(b) for b in ip.BACKENDS]
    cpython, why = ip.cpython()
    if cpython is None:
        progress(f"CPython 3.14 skipped: {why}")
    else:
        interps.append(cpython)
    ref = "python3.14" if cpython else "pyrs-switch"
    stats = ip.feature_build("stats")
    works = [w for w in wl.workloads() if w.runs]
    pending = [w for w in wl.workloads() if not w.runs]

    def size_of(w):
        return w.ci_size if args.quick else w.bench_size

    def vg_size_of(w):
        return w.ci_size if args.quick or args.valgrind_size == "ci" else w.bench_size

    vg = valgrind_metrics(args, interps, works, vg_size_of, stats)
    rss = {(w.name, it.name): measure.peak_rss(it, w.pyc(), size_of(w),
                                               w.read_expected(size_of(w)))
           for w in works for it in interps}
    micro = micro_metrics(args, interps)
    feature_names, features = feature_costs(args, works)
    check = cross_check(cpython, works, stats) if cpython else {}
    ratios, ref_secs = wall_times(args, interps, works, size_of, ref)

    data = report.Data(
        machine=machine(), interps=interps, ref=ref, works=works, pending=pending,
        sizes={w.name: size_of(w) for w in works},
        vg_sizes={w.name: vg_size_of(w) for w in works}, quick=args.quick,
        rounds=3 if args.quick else args.rounds, vg=vg, rss=rss, micro=micro,
        micro_names=[m.name for m in wl.micro()], micro_ops={m.name: m.description for m in wl.micro()},
        feature_names=feature_names, features=features, check=check, ratios=ratios,
        ref_secs=ref_secs, cpython_note=why)
    os.makedirs(os.path.dirname(SAVED), exist_ok=True)
    with open(SAVED, "wb") as f:
        pickle.dump(data, f)
    os.makedirs(args.out, exist_ok=True)
    report.write(data, args.out)
    progress(f"wrote {args.out}/report.md")


if __name__ == "__main__":
    main()
