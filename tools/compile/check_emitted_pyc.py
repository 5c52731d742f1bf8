#!/usr/bin/env python3.14
"""Run the `.pyc` files pyrs writes under python3.14 (not CI: it needs
CPython).

    python3.14 tools/compile/check_emitted_pyc.py [PYRS]

For every behaviour case tests/cases/<name>.py, `pyrs --emit-pyc` writes
<tmp>/<name>.pyc (compiled as `tests/cases/<name>.py`, from the
repository root); python3.14 then runs that file with the case's
arguments and environment, and its stdout, stderr and exit status must
equal the case's goldens. Prints each mismatch and the count that match.
"""

import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASES = os.path.join("tests", "cases")
# sys.executable may need its wrapper script's environment: use the
# `python3.14` on PATH.
PY = shutil.which("python3.14") or sys.executable
ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"}


def default_pyrs():
    for kind in ("release", "debug"):
        p = os.path.join(ROOT, "target", kind, "pyrs")
        if os.path.exists(p):
            return p
    sys.exit("build pyrs first (cargo build)")


def read(path, default=b""):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return default


def main():
    pyrs = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else default_pyrs()
    os.chdir(ROOT)
    names = sorted(f[:-3] for f in os.listdir(CASES) if f.endswith(".py"))
    ok, bad = 0, []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            src = os.path.join(CASES, name + ".py")
            out = os.path.join(tmp, name + ".pyc")
            r = subprocess.run([pyrs, "--emit-pyc", out, src], capture_output=True)
            if r.returncode != 0:
                bad.append((name, "pyrs --emit-pyc failed: " + r.stderr.decode(errors="replace")[-200:]))
                continue
            args = read(os.path.join(CASES, name + ".args")).decode().splitlines()
            run = subprocess.run([PY, out, *args], capture_output=True, env=ENV, timeout=60)
            want = (read(os.path.join(CASES, name + ".stdout")),
                    read(os.path.join(CASES, name + ".stderr")),
                    int(read(os.path.join(CASES, name + ".status"), b"0").strip() or 0))
            got = (run.stdout, run.stderr, run.returncode)
            if got == want:
                ok += 1
            else:
                which = [k for k, a, b in zip(("stdout", "stderr", "status"), want, got) if a != b]
                bad.append((name, "differs in " + ", ".join(which)))
    for name, why in bad:
        print(f"DIFF {name}: {why}")
    print(f"emitted .pyc under python3.14: {ok}/{len(names)} cases match their goldens")


if __name__ == "__main__":
    main()
