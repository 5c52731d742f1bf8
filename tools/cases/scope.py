"""Which base opcodes the behaviour corpus must cover: shared by
opcode_coverage.py (static, needs python3.14) and executed_opcodes.py
(dynamic, runs pyrs). Plain data, importable by any Python 3.
"""

# Base opcodes the CPython 3.14 compiler never writes into a code object.
NOT_EMITTED = {
    "CACHE": "inline-cache slot, not an instruction (dis hides it)",
    "RESERVED": "reserved number, never emitted",
    "INTERPRETER_EXIT": "only in the interpreter's own entry trampoline",
    "EXIT_INIT_CHECK": "only in the shim frame of the specialised CALL_ALLOC_AND_ENTER_INIT",
    "ENTER_EXECUTOR": "written at run time by the tier-2 optimiser, never by the compiler",
}

# Base opcodes emitted only for features outside the first milestone:
# name -> (feature, example source that makes the compiler emit it).
OUT_OF_SCOPE = {
    "SETUP_ANNOTATIONS": ("`from __future__ import annotations` (3.14 otherwise defers "
                          "annotations into __annotate__)",
                          "from __future__ import annotations\nx: int = 1"),
}
