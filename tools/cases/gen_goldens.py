#!/usr/bin/env python3.14
"""Regenerate the behaviour goldens of tests/cases/ with CPython 3.14.

Run from anywhere (it changes to the repository root itself):

    python3.14 tools/cases/gen_goldens.py            # every tests/cases/*.py
    python3.14 tools/cases/gen_goldens.py NAME ...   # only these cases (name or path)

For each tests/cases/<name>.py it writes, next to the source:

    <name>.pyc     compiled by py_compile with dfile='tests/cases/<name>.py'
                   (so co_filename is the repo-relative path and tracebacks can
                   show source lines when the program runs from the repo root)
                   and invalidation_mode=UNCHECKED_HASH (reproducible bytes,
                   no mtime in the header);
    <name>.stdout  what `python3.14 tests/cases/<name>.pyc [args]` printed on
                   stdout, byte for byte;
    <name>.stderr  what it printed on stderr (tracebacks), byte for byte;
    <name>.status  its exit status as a decimal number and a newline.

[args] come from an optional sidecar tests/cases/<name>.args, one argument per
line. Each program runs twice, with cwd = repository root and a clean, fixed
environment (PATH, PYTHONHASHSEED=0, LC_ALL=C.UTF-8 and nothing else); the two
runs must agree byte for byte, and the outputs must not mention the absolute
repository path or a memory address. Goldens always come from python3.14, never
from pyrs or from an editor.
"""

import os
import py_compile
import re
import shutil
import subprocess
import sys
import time
import warnings

REQUIRED = (3, 14)
CASES_REL = os.path.join("tests", "cases")
TIMEOUT = 60  # seconds per run; every case should take well under a second
SLOW = 0.5    # warn when a case takes longer than this (wall seconds)


def die(msg):
    print(f"gen_goldens: error: {msg}", file=sys.stderr)
    sys.exit(2)


def repo_root():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.dirname(os.path.dirname(here))


def check_python():
    if sys.version_info[:2] != REQUIRED:
        die(f"must run under python3.14 (py_compile writes this interpreter's "
            f"bytecode), but this is {sys.version.split()[0]} at {sys.executable}")
    exe = shutil.which("python3.14")
    if exe is None:
        die("python3.14 is not on PATH (see shared/tools/install-cpython314)")
    out = subprocess.run([exe, "-c", "import platform; print(platform.python_implementation(), "
                          "platform.python_version())"],
                         capture_output=True, text=True, env=clean_env())
    fields = out.stdout.split() if out.returncode == 0 else []
    if len(fields) != 2 or fields[0] != "CPython" or not fields[1].startswith("3.14."):
        die(f"{exe} is not CPython 3.14 (reports {out.stdout.strip() or out.stderr.strip()!r})")
    mine = ".".join(map(str, sys.version_info[:3]))
    if fields[1] != mine:
        print(f"gen_goldens: warning: compiling with {mine} but running {exe} ({fields[1]})",
              file=sys.stderr)
    print(f"goldens from CPython {fields[1]} ({exe})")
    return exe


def clean_env():
    return {
        "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
        "PYTHONHASHSEED": "0",
        "LC_ALL": "C.UTF-8",
    }


def read_args(args_path):
    if not os.path.exists(args_path):
        return []
    with open(args_path, encoding="utf-8") as f:
        text = f.read()
    # one argument per line; a trailing newline does not add an empty argument
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


ADDRESS = re.compile(rb" at 0x[0-9a-fA-F]+")  # the way reprs show an address


def run_case(exe, root, name):
    src = f"{CASES_REL}/{name}.py"
    pyc = f"{CASES_REL}/{name}.pyc"
    # A compile-time warning (SyntaxWarning, ...) would go to our stderr, not
    # into the golden: make it an error so the case gets fixed instead.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        py_compile.compile(src, cfile=pyc, dfile=src, doraise=True,
                           invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
    argv = [exe, pyc] + read_args(os.path.join(CASES_REL, name + ".args"))
    results = []
    elapsed = None
    for _ in range(2):
        t0 = time.perf_counter()
        try:
            p = subprocess.run(argv, cwd=root, env=clean_env(), stdin=subprocess.DEVNULL,
                               capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            die(f"{name}: did not finish in {TIMEOUT} s")
        dt = time.perf_counter() - t0
        elapsed = dt if elapsed is None else min(elapsed, dt)
        results.append((p.stdout, p.stderr, p.returncode))
    if results[0] != results[1]:
        die(f"{name}: two runs gave different output; the case is not deterministic")
    stdout, stderr, status = results[0]
    if status < 0:
        die(f"{name}: killed by signal {-status}")
    problems = []
    for label, data in (("stdout", stdout), ("stderr", stderr)):
        if os.fsencode(root) in data:
            problems.append(f"{label} mentions the absolute repository path")
        if ADDRESS.search(data):
            problems.append(f"{label} contains what looks like a memory address: "
                            f"{ADDRESS.search(data).group().decode()!r}")
    if problems:
        die(f"{name}: " + "; ".join(problems))
    with open(os.path.join(CASES_REL, name + ".stdout"), "wb") as f:
        f.write(stdout)
    with open(os.path.join(CASES_REL, name + ".stderr"), "wb") as f:
        f.write(stderr)
    with open(os.path.join(CASES_REL, name + ".status"), "w", encoding="ascii", newline="\n") as f:
        f.write(f"{status}\n")
    return status, elapsed


def compile_packages():
    """Compile the modules the cases import (every .py in a subdirectory of
    the corpus) into their __pycache__ as unchecked hash-based .pyc files:
    valid whatever the files' modification times after a checkout, so pyrs
    and CPython both load them instead of compiling the source."""
    import importlib.util
    for entry in sorted(os.listdir(CASES_REL)):
        top = os.path.join(CASES_REL, entry)
        if not os.path.isdir(top) or entry == "__pycache__":
            continue
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for fn in sorted(filenames):
                if fn.endswith(".py"):
                    src = os.path.join(dirpath, fn)
                    py_compile.compile(src, cfile=importlib.util.cache_from_source(src), dfile=src,
                                       doraise=True,
                                       invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)


def remove_stale(names):
    """Drop goldens whose source was removed."""
    keep = set(names)
    for fn in sorted(os.listdir(CASES_REL)):
        stem, ext = os.path.splitext(fn)
        if ext in (".pyc", ".stdout", ".stderr", ".status") and stem not in keep:
            os.remove(os.path.join(CASES_REL, fn))
            print(f"removed stale {CASES_REL}/{fn}")


def main(argv):
    root = repo_root()
    os.chdir(root)
    exe = check_python()
    if not os.path.isdir(CASES_REL):
        die(f"no {CASES_REL}/ under {root}")
    all_names = sorted(fn[:-3] for fn in os.listdir(CASES_REL) if fn.endswith(".py"))
    if argv:
        wanted = []
        for a in argv:
            n = os.path.basename(a)
            for suffix in (".py", ".pyc"):
                if n.endswith(suffix):
                    n = n[: -len(suffix)]
            if n not in all_names:
                die(f"no case {CASES_REL}/{n}.py")
            wanted.append(n)
    else:
        wanted = all_names
        remove_stale(all_names)
    for fn in sorted(os.listdir(CASES_REL)):
        if fn.endswith(".args") and fn[:-5] not in all_names:
            die(f"{CASES_REL}/{fn} has no matching .py")
    compile_packages()
    total = 0.0
    for name in wanted:
        status, dt = run_case(exe, root, name)
        total += dt
        note = "  (slow)" if dt > SLOW else ""
        print(f"{name:32} status {status:3}  {dt * 1000:7.1f} ms{note}")
    print(f"{len(wanted)} cases, {total:.2f} s of python3.14 time")


if __name__ == "__main__":
    main(sys.argv[1:])
