#!/usr/bin/env python3
"""Tests of check_baseline.py, the CI instruction-count check: a rise of
more than the limit fails, one within it passes, a missing benchmark fails,
and --write round-trips. Runs on a scratch baseline built from the
manifests, so it needs no valgrind. `make test` runs it. Python 3.8+."""

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import check_baseline  # noqa: E402

SCRIPT = os.path.join(HERE, "check_baseline.py")


def results_file(folder, backend, counts):
    """A file shaped like gungraun's `--output-format=json` output."""
    path = os.path.join(folder, f"{backend}.json")
    with open(path, "w") as f:
        f.write("some cargo noise\n")
        for name, ir in counts.items():
            function, bench_id = name.split("/")
            summary = {"function_name": function, "id": bench_id, "profiles": [
                {"tool": "Callgrind",
                 "data": {"total": {"metrics": {"Ir": {"values": {"new": ir}}}}}}]}
            f.write(json.dumps(summary) + "\n")
    return path


def run(*args):
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True)


def main():
    names = check_baseline.expected_benchmarks()
    base = {n: 1_000_000 + i for i, n in enumerate(names)}
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        baseline = os.path.join(tmp, "baseline.txt")
        spec = "switch=" + results_file(tmp, "switch", base)
        p = run("--write", "--baseline", baseline, spec)
        if p.returncode != 0 or not os.path.exists(baseline):
            failures.append(f"--write failed: {p.stdout}{p.stderr}")

        def check(label, counts, want):
            spec = "switch=" + results_file(tmp, "switch", counts)
            p = run("--baseline", baseline, spec)
            if p.returncode != want:
                failures.append(f"{label}: exit {p.returncode}, wanted {want}\n{p.stdout}")
            if names[0] not in p.stdout:
                failures.append(f"{label}: the table was not printed\n{p.stdout}")
            return p

        check("unchanged", base, 0)
        check("2.9% rise", {**base, names[0]: int(base[names[0]] * 1.029)}, 0)
        p = check("3.1% rise", {**base, names[-1]: int(base[names[-1]] * 1.031)}, 1)
        if names[-1] + " (switch)" not in p.stdout:
            failures.append(f"3.1% rise: the failing benchmark is not named\n{p.stdout}")
        check("fall", {n: c // 2 for n, c in base.items()}, 0)
        check("missing benchmark", {n: c for n, c in base.items() if n != names[1]}, 1)
    for f in failures:
        print("FAIL:", f)
    print(f"check_baseline.py tests: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
