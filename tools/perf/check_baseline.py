#!/usr/bin/env python3
"""Compares gungraun's instruction counts with the committed baseline
(benches/baseline.txt), or rewrites it.

    check_baseline.py [--limit PCT] BACKEND=RESULTS.json ...
    check_baseline.py --write BACKEND=RESULTS.json ...

Each RESULTS.json is what `cargo bench --bench iai -- --output-format=json`
printed for one backend (one JSON summary per line). Prints a table of every
benchmark and backend: the baseline, the new count and the change. Exits 1
when a count rose more than PCT percent (default 3) above its baseline, when
a benchmark has no baseline, or when a workload of the manifests has no
result (a `#[bench]` line missing from benches/iai.rs). With --write it
rewrites the baseline from the results instead (`make bench-baseline`;
commit it with the reason). Python 3.8+.
"""

import argparse
import json
import os
import subprocess
import sys

import workloads as wl

BASELINE = os.path.join(wl.ROOT, "benches", "baseline.txt")


def read_results(specs):
    """{backend: {benchmark: instructions}} from BACKEND=FILE arguments."""
    out = {}
    for spec in specs:
        backend, _, path = spec.partition("=")
        if not path:
            sys.exit(f"expected BACKEND=RESULTS.json, got {spec!r}")
        counts = {}
        with open(path) as f:
            for line in f:
                line = line.strip()
                if not line.startswith("{"):
                    continue
                s = json.loads(line)
                name = f"{s['function_name']}/{s.get('id', '')}"
                for prof in s["profiles"]:
                    if prof["tool"] == "Callgrind":
                        counts[name] = prof["data"]["total"]["metrics"]["Ir"]["values"]["new"]
        if not counts:
            sys.exit(f"{path}: no gungraun callgrind summaries")
        out[backend] = counts
    return out


def read_baseline():
    """({benchmark: {backend: count}}, [backends], header comment lines)."""
    # BASELINE may be replaced by --baseline (the tests use a scratch copy)
    if not os.path.exists(BASELINE):
        return {}, [], []
    rows, backends, header = {}, [], []
    with open(BASELINE) as f:
        for line in f:
            if line.startswith("#"):
                header.append(line.rstrip("\n"))
                continue
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "benchmark":
                backends = parts[1:]
                continue
            rows[parts[0]] = {b: int(v) for b, v in zip(backends, parts[1:]) if v != "-"}
    return rows, backends, header


def expected_benchmarks():
    names = [f"workload/{w.name}" for w in wl.workloads() if w.runs]
    return names + [f"micro/{m.name}" for m in wl.micro() if m.runs]


def print_excluded():
    """Names the workloads left out of the baseline (status `pending`:
    pyrs lacks a language feature they need) and why, so none is dropped
    silently."""
    for w in wl.workloads() + wl.micro():
        if not w.runs:
            print(f"excluded from the baseline: {w.name}: {w.description}")


def tool_versions():
    def first_line(*cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
        except OSError:
            return "?"
    return first_line("rustc", "--version"), first_line("valgrind", "--version")


def write(results):
    print_excluded()
    rustc, valgrind = tool_versions()
    backends = list(results)
    names = sorted({n for c in results.values() for n in c},
                   key=lambda n: (not n.startswith("workload/"), n))
    lines = [
        "# Instructions executed per benchmark of benches/iai.rs (gungraun, callgrind Ir),",
        "# per dispatch backend. .ci/run fails when a count rises more than 3% above this.",
        "# Rewrite it deliberately with `make bench-baseline` and say why in the commit.",
        f"# Measured with {rustc}, {valgrind}.",
        "benchmark".ljust(24) + "".join(b.rjust(14) for b in backends),
    ]
    for n in names:
        lines.append(n.ljust(24) + "".join(str(results[b].get(n, "-")).rjust(14)
                                           for b in backends))
    with open(BASELINE, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {os.path.relpath(BASELINE, wl.ROOT)} ({len(names)} benchmarks, "
          f"{', '.join(backends)})")


def check(results, limit):
    print_excluded()
    base, _, header = read_baseline()
    failures = []
    names = expected_benchmarks()
    extra = sorted({n for c in results.values() for n in c} - set(names))
    cols = list(results)
    print("benchmark".ljust(24) + "".join(
        f"{b + ' baseline':>20}{b:>14}{'change':>9}" for b in cols))
    for n in names + extra:
        row = n.ljust(24)
        for b in cols:
            new = results[b].get(n)
            old = base.get(n, {}).get(b)
            if new is None:
                failures.append(f"{n} ({b}): no result; is it in benches/iai.rs?")
                row += f"{'-':>20}{'missing':>14}{'':>9}"
                continue
            if old is None:
                failures.append(f"{n} ({b}): no baseline; run `make bench-baseline`")
                row += f"{'-':>20}{new:>14,}{'new':>9}"
                continue
            change = (new - old) / old * 100
            mark = " !" if change > limit else ""
            row += f"{old:>20,}{new:>14,}{change:>+8.2f}%{mark}"
            if change > limit:
                failures.append(f"{n} ({b}): {old:,} -> {new:,} instructions ({change:+.2f}%)")
        print(row)
    rustc, _ = tool_versions()
    if header and not any(rustc in h for h in header):
        print(f"note: the baseline was measured with another toolchain than {rustc}; "
              "counts may differ for that reason alone")
    if failures:
        print(f"\n{len(failures)} instruction-count check(s) failed (limit +{limit}%):")
        for f in failures:
            print(f"  {f}")
        print("If the rise is deliberate, run `make bench-baseline` and commit the new "
              "benches/baseline.txt saying why.")
        return 1
    print(f"\nall instruction counts within +{limit}% of benches/baseline.txt")
    return 0


def main():
    global BASELINE
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true", help="rewrite the baseline")
    ap.add_argument("--limit", type=float, default=3.0, help="allowed rise in percent")
    ap.add_argument("--baseline", default=BASELINE, help="the baseline file (default %(default)s)")
    ap.add_argument("results", nargs="+", metavar="BACKEND=RESULTS.json")
    args = ap.parse_args()
    BASELINE = args.baseline
    results = read_results(args.results)
    if args.write:
        write(results)
        return 0
    return check(results, args.limit)


if __name__ == "__main__":
    sys.exit(main())
