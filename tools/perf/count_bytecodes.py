#!/usr/bin/env python3.14
"""Counts the bytecode instructions python3.14 executes running a `.pyc`,
to cross-check the count of a pyrs `stats` build (`make compare` does).

    python3.14 tools/perf/count_bytecodes.py PROGRAM.pyc [ARGS...]

The program runs as __main__ with sys.argv = [PROGRAM.pyc, ARGS...] under
sys.monitoring INSTRUCTION events for every code object; its output goes to
stdout as usual and the count to stderr as `bytecodes N`. EXTENDED_ARG
prefixes are not events of their own (CPython reports the instruction they
extend), so they are not counted.
"""

import marshal
import sys


def main():
    if sys.version_info[:2] != (3, 14) or len(sys.argv) < 2:
        sys.exit(__doc__)
    pyc = sys.argv[1]
    with open(pyc, "rb") as f:
        code = marshal.loads(f.read()[16:])
    sys.argv = sys.argv[1:]
    mon = sys.monitoring
    tool = mon.PROFILER_ID
    counter = [0]

    def on_instruction(code, offset):
        counter[0] += 1

    mon.use_tool_id(tool, "count_bytecodes")
    mon.register_callback(tool, mon.events.INSTRUCTION, on_instruction)
    globs = {"__name__": "__main__", "__file__": pyc, "__builtins__": __builtins__}
    mon.set_events(tool, mon.events.INSTRUCTION)
    try:
        exec(code, globs)
    finally:
        mon.set_events(tool, 0)
        sys.stdout.flush()
        print(f"bytecodes {counter[0]}", file=sys.stderr)


if __name__ == "__main__":
    main()
