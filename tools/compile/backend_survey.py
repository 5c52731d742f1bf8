#!/usr/bin/env python3.14
"""The flow graph optimiser and assembler over python3.14's whole standard
library, without pyrs's front end: for every top-level module `Lib/*.py`
(or, with --all, every `.py` under Lib/ outside site-packages), CPython's
own code generation output is dumped in the format of the committed
goldens (tools/compile/dump_assemble.py for the module unit,
tools/compile/dump_nested.py for every nested unit) into a temporary
directory, and tests/compile_assemble.rs and tests/compile_nested.rs run
over it (PYRS_GOLDEN_DIR). Prints each test's match rate and the units that
differ. Needs python3.14 and cargo; not run by CI.

    python3.14 tools/compile/backend_survey.py [--all] [--keep DIR]

Module units with module-level annotations differ by construction (their
`__annotate__` is added after the point where CPython's test entry point
hands over the sequence), and some nested units are not assembled by
CPython's test entry point (unreachable pseudo instructions); both are
reported as such by the tests.
"""

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def modules(all_files):
    lib = sysconfig.get_paths()["stdlib"]
    names = []
    for d, dirs, files in os.walk(lib):
        dirs.sort()
        if "site-packages" in d or (not all_files and d != lib):
            continue
        for f in sorted(files):
            path = os.path.join(d, f)
            if not f.endswith(".py") or not os.path.isfile(path):
                continue
            rel = os.path.relpath(path, lib)[:-3]
            if any(not part.isidentifier() for part in rel.split(os.sep)):
                continue
            names.append("stdlib_" + rel.replace(os.sep, "."))
    return names


def annotated_modules(names):
    """The modules with module-level annotations (see the docstring)."""
    import ast

    lib = sysconfig.get_paths()["stdlib"]
    out = set()
    for name in names:
        path = os.path.join(lib, *name[len("stdlib_"):].split(".")) + ".py"
        try:
            with open(path, "rb") as f:
                tree = ast.parse(f.read())
        except (OSError, SyntaxError, ValueError):
            continue
        scopes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
        todo = [tree]
        while todo:
            node = todo.pop()
            if isinstance(node, ast.AnnAssign):
                out.add(name)
                break
            todo.extend(c for c in ast.iter_child_nodes(node) if not isinstance(c, scopes))
    return out


def run_test(test, golden_dir, expected):
    """Runs one golden test over the survey; true when every difference is
    one of `expected`."""
    env = dict(os.environ, PYRS_GOLDEN_DIR=golden_dir)
    r = subprocess.run(
        ["cargo", "test", "-q", "--test", test, "--", "--nocapture"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    unexpected = 0
    seen_expected = False
    for line in (r.stdout + r.stderr).splitlines():
        if line.startswith("match rate:"):
            print(f"  {line}")
        elif line.startswith("stdlib_") and ": " in line:
            name = line.split(":")[0]
            if name in expected:
                seen_expected = True
                print(f"  {name}: differs as expected (module-level annotations)")
            else:
                unexpected += 1
                print(f"  {line[:300]}")
    return unexpected == 0 and (r.returncode == 0 or seen_expected)


def main(argv):
    all_files = "--all" in argv
    keep = argv[argv.index("--keep") + 1] if "--keep" in argv else None
    python = shutil.which("python3.14") or sys.executable
    names = modules(all_files)
    print(f"{len(names)} modules")
    base = keep or tempfile.mkdtemp(prefix="pyrs-survey-")
    ok = True
    try:
        for tool, test in (("dump_assemble.py", "compile_assemble"),
                           ("dump_nested.py", "compile_nested")):
            out = os.path.join(base, test)
            os.makedirs(out, exist_ok=True)
            env = dict(os.environ, PYRS_GOLDEN_OUT=out)
            # A module CPython cannot compile is reported by the dump tool
            # and left out; the survey goes on with the rest.
            subprocess.run([python, os.path.join(ROOT, "tools", "compile", tool), *names],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(f"{test}:")
            expected = annotated_modules(names) if test == "compile_assemble" else set()
            ok &= run_test(test, out, expected)
    finally:
        if keep is None:
            shutil.rmtree(base, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main(sys.argv[1:])
