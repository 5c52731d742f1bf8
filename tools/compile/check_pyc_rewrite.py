#!/usr/bin/env python3.14
"""Check that python3.14 runs the .pyc files pyrs writes.

Run from anywhere (it changes to the repository root itself):

    python3.14 tools/compile/check_pyc_rewrite.py

For every tests/cases/<name>.pyc, `cargo run --example rewrite_pyc` loads it
with pyrs and writes it back with pyrs's .pyc writer (src/vm/unload.rs) into
a temporary directory; python3.14 then runs each rewritten file the way
tools/cases/gen_goldens.py runs the originals (cwd = repository root, a fixed
environment, the case's .args) and its stdout, stderr and exit status must
equal the committed goldens. Exits 1 and lists the cases that differ. Not
run by `cargo test` (it needs python3.14).
"""

import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASES = os.path.join("tests", "cases")


def main():
    os.chdir(ROOT)
    python = shutil.which("python3.14") or sys.executable
    names = sorted(f[:-4] for f in os.listdir(CASES) if f.endswith(".pyc"))
    failures = []
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            ["cargo", "run", "--quiet", "--example", "rewrite_pyc", "--", out]
            + [os.path.join(CASES, n + ".pyc") for n in names],
            check=True,
        )
        env = {"PATH": os.environ.get("PATH", ""), "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"}
        checked = 0
        for name in names:
            rewritten = os.path.join(out, name + ".pyc")
            if not os.path.exists(rewritten):
                continue
            args_file = os.path.join(CASES, name + ".args")
            args = []
            if os.path.exists(args_file):
                with open(args_file, encoding="utf-8") as f:
                    args = f.read().splitlines()
            proc = subprocess.run(
                [python, rewritten, *args], capture_output=True, env=env, timeout=120
            )
            checked += 1
            expect = {}
            for kind in ("stdout", "stderr", "status"):
                with open(os.path.join(CASES, f"{name}.{kind}"), "rb") as f:
                    expect[kind] = f.read()
            if (
                proc.stdout != expect["stdout"]
                or proc.stderr != expect["stderr"]
                or str(proc.returncode).encode() + b"\n" != expect["status"]
            ):
                failures.append(name)
    print(f"{checked} rewritten .pyc files run by python3.14; {len(failures)} differ")
    for name in failures:
        print("  differs:", name)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
