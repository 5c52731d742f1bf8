#!/usr/bin/env python3
"""Dynamic opcode coverage: which opcodes pyrs executes running tests/cases/.

    python3 tools/cases/executed_opcodes.py PYRS_BINARY

PYRS_BINARY must be built with the `stats` feature (`make coverage` builds
it). Every tests/cases/*.pyc runs under it, as the corpus test runs it, with
PYRS_STATS_FILE naming a file where pyrs writes one `NAME count` line per
opcode it executed. The counts are summed over the corpus and printed for
every base opcode, followed by:

  - the base opcodes the corpus never executes, split into those the
    compiler never emits, those out of scope for now (tools/cases/scope.py
    says why) and MISSING ones;
  - out-of-scope opcodes that did run (a stale classification).

Exits 1 if an in-scope opcode is MISSING. Needs only Python 3.8+, not
python3.14: the opcode numbering comes from tests/golden/opcode/opcodes.txt.
"""

import os
import subprocess
import sys
import tempfile

from scope import NOT_EMITTED, OUT_OF_SCOPE

# Emitted but never run by the interpreter itself.
NOT_EXECUTED = {
    "END_FOR": "FOR_ITER jumps past it when the iterator is exhausted (it marks the "
               "loop end for instrumentation and `dis`)",
}

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASES = os.path.join("tests", "cases")
GOLDEN = os.path.join(ROOT, "tests", "golden", "opcode", "opcodes.txt")


def base_opcodes():
    """Names of the base opcodes (their own deopt target), in number order."""
    names = []
    with open(GOLDEN) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 14 and parts[0] == "op" and parts[3] == "1":
                number, name, deopt = int(parts[1]), parts[2], int(parts[13])
                if number < 256 and deopt == number and not name.startswith("INSTRUMENTED_"):
                    names.append(name)
    return names


def case_args(name):
    path = os.path.join(ROOT, CASES, name + ".args")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        text = f.read()
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n") if text else []


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    totals = {}
    files = {}
    cases = sorted(f[:-4] for f in os.listdir(os.path.join(ROOT, CASES)) if f.endswith(".pyc"))
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"}
    with tempfile.TemporaryDirectory() as tmp:
        for name in cases:
            out = os.path.join(tmp, name + ".counts")
            run_env = dict(env, PYRS_STATS_FILE=out)
            subprocess.run(
                [binary, os.path.join(CASES, name + ".pyc")] + case_args(name),
                cwd=ROOT, env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                timeout=600,
            )
            if not os.path.exists(out):
                sys.exit(f"{binary} wrote no counts for {name}: is it built with --features stats?")
            with open(out) as f:
                for line in f:
                    op, count = line.split()
                    totals[op] = totals.get(op, 0) + int(count)
                    files.setdefault(op, []).append(name)

    base = base_opcodes()
    print(f"Opcodes executed by {len(cases)} programs of {CASES}/ (pyrs with --features stats)\n")
    print(f"{'opcode':<28} {'executed':>12}  cases")
    for name in base:
        if name in totals:
            shown = files[name]
            where = ", ".join(shown[:4]) + (f", ... ({len(shown)} cases)" if len(shown) > 4 else "")
            print(f"{name:<28} {totals[name]:>12}  {where}")
    never = [n for n in base if n not in totals]
    missing = [n for n in never
               if n not in NOT_EMITTED and n not in OUT_OF_SCOPE and n not in NOT_EXECUTED]
    print("\nNever executed:")
    for n in never:
        if n in NOT_EMITTED:
            why = "not emitted by the compiler: " + NOT_EMITTED[n]
        elif n in NOT_EXECUTED:
            why = "never executed: " + NOT_EXECUTED[n]
        elif n in OUT_OF_SCOPE:
            why = "out of scope for now: " + OUT_OF_SCOPE[n][0]
        else:
            why = "MISSING"
        print(f"  {n:<28} {why}")
    stale = [n for n in OUT_OF_SCOPE if n in totals]
    for n in stale:
        print(f"note: {n} is classified out of scope but ran ({totals[n]} times)")
    in_scope = [n for n in base
                if n not in NOT_EMITTED and n not in OUT_OF_SCOPE and n not in NOT_EXECUTED]
    covered = len([n for n in in_scope if n in totals])
    print(f"\n{covered}/{len(in_scope)} in-scope base opcodes executed")
    if missing:
        sys.exit(f"MISSING: {' '.join(missing)}")


if __name__ == "__main__":
    main()
