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
    "LOAD_FROM_DICT_OR_GLOBALS": ("annotation scope (__annotate__) of a class body or of a "
                                  "method defined in it", "class C:\n def m(self) -> T: pass"),
    "LOAD_SPECIAL": ("with statement", "with a: pass"),
    "WITH_EXCEPT_START": ("with statement", "with a: pass"),
    "SETUP_ANNOTATIONS": ("`from __future__ import annotations` (3.14 otherwise defers "
                          "annotations into __annotate__)",
                          "from __future__ import annotations\nx: int = 1"),
    "MATCH_CLASS": ("match statement", "match x:\n case int(): pass"),
    "MATCH_KEYS": ("match statement", "match x:\n case {'a': 1}: pass"),
    "MATCH_MAPPING": ("match statement", "match x:\n case {'a': 1}: pass"),
    "MATCH_SEQUENCE": ("match statement", "match x:\n case [a]: pass"),
    "GET_LEN": ("match statement", "match x:\n case [a]: pass"),
}
