#!/usr/bin/env python3
"""Checks that the tail-call backend's handlers really chain by jumps.

Usage: check_tailcalls.py BINARY

Disassembles BINARY (a release build with --features dispatch-tailcall) and
fails if any function of `vm::dispatch::tailcall` dispatches through the
handler table with a `call` instead of a `jmp`. Such a handler would grow the
machine stack by one frame per instruction it runs; see `OUTLINED` in
src/vm/dispatch/tailcall.rs for why it happens and how to fix it.
"""
import re
import subprocess
import sys


def functions(binary):
    out = subprocess.run(
        ["objdump", "-d", "--no-show-raw-insn", "-C", binary],
        check=True, capture_output=True, text=True,
    ).stdout
    name, body = None, []
    for line in out.splitlines():
        m = re.match(r"^[0-9a-f]+ <(.*)>:$", line)
        if m:
            if name is not None:
                yield name, body
            name, body = m.group(1), []
        elif name is not None:
            body.append(line)
    if name is not None:
        yield name, body


# An indirect transfer through a scaled index: `*(%base,%index,8)` (x86-64).
TABLE_CALL = re.compile(r"\bcall[q]?\s+\*(0x[0-9a-f]+)?\(%\w+,%\w+,8\)")
TABLE_JUMP = re.compile(r"\bjmp[q]?\s+\*(0x[0-9a-f]+)?\(%\w+,%\w+,8\)")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    entries = bad = 0
    for name, body in functions(sys.argv[1]):
        if "dispatch::tailcall::" not in name:
            continue
        if not any(TABLE_JUMP.search(l) or TABLE_CALL.search(l) for l in body):
            continue
        entries += 1
        calls = [l.strip() for l in body if TABLE_CALL.search(l)]
        if calls:
            bad += 1
            print(f"{name}: dispatches by call: {calls[0]}")
    if entries == 0:
        sys.exit(f"no tail-call dispatch found in {sys.argv[1]}: not a dispatch-tailcall release build?")
    if bad:
        sys.exit(f"{bad} of {entries} tail-call entries dispatch by call, not jump")
    print(f"all {entries} tail-call entries dispatch by jump")


if __name__ == "__main__":
    main()
