#!/usr/bin/env python3.14
"""How many of python3.14's own top-level standard library modules
(`Lib/*.py`) pyrs compiles to code objects identical, field by field, to
python3.14's `compile()`.

    python3.14 tools/compile/stdlib_identity.py [PYRS] [LIBDIR]

PYRS defaults to target/release/pyrs (else target/debug/pyrs); LIBDIR to
python3.14's stdlib. For each file pyrs writes a .pyc (`--emit-pyc`),
which is loaded here with marshal (so the file must also be one
python3.14 reads) and compared with `compile(source, path, "exec")`.
Prints each failure's first difference and the share identical.
"""

import marshal
import os
import subprocess
import sys
import sysconfig
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from code_compare import first_difference  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def default_pyrs():
    for kind in ("release", "debug"):
        p = os.path.join(ROOT, "target", kind, "pyrs")
        if os.path.exists(p):
            return p
    sys.exit("build pyrs first (cargo build --release)")


def main():
    pyrs = sys.argv[1] if len(sys.argv) > 1 else default_pyrs()
    libdir = sys.argv[2] if len(sys.argv) > 2 else sysconfig.get_paths()["stdlib"]
    files = sorted(f for f in os.listdir(libdir)
                   if f.endswith(".py") and os.path.isfile(os.path.join(libdir, f)))
    identical = 0
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.pyc")
        for name in files:
            path = os.path.join(libdir, name)
            with open(path, "rb") as f:
                source = f.read()
            try:
                want = compile(source, path, "exec", dont_inherit=True)
            except SyntaxError:
                continue
            if os.path.exists(out):
                os.remove(out)
            try:
                r = subprocess.run([pyrs, "--emit-pyc", out, path], capture_output=True,
                                   timeout=120)
            except subprocess.TimeoutExpired:
                failures.append((name, "pyrs timed out"))
                continue
            if r.returncode != 0:
                err = r.stderr.decode(errors="replace").strip().splitlines()
                failures.append((name, "pyrs failed: " + (err[-1] if err else f"status {r.returncode}")))
                continue
            try:
                with open(out, "rb") as f:
                    got = marshal.loads(f.read()[16:])
            except Exception as e:  # noqa: BLE001 - any load failure is a finding
                failures.append((name, f"python3.14 cannot load the .pyc: {e!r}"))
                continue
            diff = first_difference(want, got)
            if diff:
                failures.append((name, diff))
            else:
                identical += 1
    for name, why in failures:
        print(f"DIFF {name}: {why}")
    total = identical + len(failures)
    print(f"stdlib: {identical}/{total} top-level modules identical "
          f"({100.0 * identical / max(total, 1):.1f}%)")


if __name__ == "__main__":
    main()
