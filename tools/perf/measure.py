"""One measurement of one interpreter running one workload: instructions
(callgrind), branches (cachegrind's branch simulator), bytecode instructions
executed (a pyrs `stats` build), wall time and peak memory. Python 3.8+.
"""

import os
import subprocess
import tempfile
import time

from workloads import ROOT


class Failed(Exception):
    pass


def _events(path):
    """The `events:` names and `summary:`/`totals:` numbers of a
    callgrind/cachegrind output file."""
    names, totals = None, None
    with open(path) as f:
        for line in f:
            if line.startswith("events:"):
                names = line.split()[1:]
            elif line.startswith(("summary:", "totals:")):
                totals = [int(x) for x in line.split()[1:]]
    if not names or not totals:
        raise Failed(f"{path}: no events/summary lines")
    return dict(zip(names, totals))


def valgrind(tool, interp, pyc, size, expected, extra=()):
    """Runs `interp` on `pyc size` under valgrind `tool`; returns its event
    totals (whole process: start-up and exit included)."""
    with tempfile.TemporaryDirectory(prefix="pyrs-perf-") as tmp:
        out = os.path.join(tmp, "out")
        cmd = ["valgrind", f"--tool={tool}", f"--{tool}-out-file={out}", *extra]
        cmd += interp.command(pyc, size)
        p = subprocess.run(cmd, cwd=ROOT, env=interp.environ(), stdin=subprocess.DEVNULL,
                           capture_output=True)
        label = f"valgrind {tool} {interp.name} {pyc} {size}"
        if p.returncode != 0:
            raise Failed(f"{label}: exit status {p.returncode}\n"
                         f"{p.stderr.decode(errors='replace')[-2000:]}")
        if expected is not None and p.stdout != expected:
            raise Failed(f"{label}: wrong output\n{p.stdout!r}")
        return _events(out)


def instructions(interp, pyc, size, expected):
    return valgrind("callgrind", interp, pyc, size, expected)["Ir"]


def branches(interp, pyc, size, expected):
    """(indirect branches, their mispredictions, conditional branches, their
    mispredictions) under cachegrind's branch simulator."""
    ev = valgrind("cachegrind", interp, pyc, size, expected,
                  ["--cache-sim=no", "--branch-sim=yes"])
    return ev["Bi"], ev["Bim"], ev["Bc"], ev["Bcm"]


def bytecodes(stats_interp, pyc, size, expected):
    """Bytecode instructions executed, counted by a pyrs `stats` build
    (PYRS_STATS_FILE: one `NAME count` line per opcode)."""
    with tempfile.TemporaryDirectory(prefix="pyrs-perf-") as tmp:
        path = os.path.join(tmp, "counts")
        env = stats_interp.environ()
        env["PYRS_STATS_FILE"] = path
        p = subprocess.run(stats_interp.command(pyc, size), cwd=ROOT, env=env,
                           stdin=subprocess.DEVNULL, capture_output=True)
        if p.returncode != 0 or (expected is not None and p.stdout != expected):
            raise Failed(f"{stats_interp.name} {pyc} {size}: failed or wrong output")
        total = 0
        with open(path) as f:
            for line in f:
                total += int(line.split()[1])
        return total


def timed(interp, pyc, size, expected):
    """Wall seconds of one run (its output checked after the clock stops)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(interp.command(pyc, size), cwd=ROOT, env=interp.environ(),
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    out, err = p.communicate()
    dt = time.perf_counter() - t0
    if p.returncode != 0 or (expected is not None and out != expected):
        raise Failed(f"{interp.name} {pyc} {size}: status {p.returncode} or wrong output\n"
                     f"{err.decode(errors='replace')[-2000:]}")
    return dt


def peak_rss(interp, pyc, size, expected):
    """Peak resident set size in KiB of one run, as GNU time (/usr/bin/time
    -f %M) reports it. Not wait4 from here: Linux carries a process's peak
    RSS across exec, so a child forked from this Python would report at
    least this Python's own peak; time's process is small."""
    with tempfile.TemporaryDirectory(prefix="pyrs-perf-") as tmp:
        report_path = os.path.join(tmp, "rss")
        cmd = ["/usr/bin/time", "-f", "%M", "-o", report_path] + interp.command(pyc, size)
        p = subprocess.run(cmd, cwd=ROOT, env=interp.environ(), stdin=subprocess.DEVNULL,
                           capture_output=True)
        if p.returncode != 0 or (expected is not None and p.stdout != expected):
            raise Failed(f"{interp.name} {pyc} {size}: status {p.returncode} or wrong output")
        with open(report_path) as f:
            return int(f.read().split()[-1])
