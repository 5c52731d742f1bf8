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
    "IMPORT_FROM": ("from-import", "from sys import argv"),
    "RETURN_GENERATOR": ("generator", "def g(): yield 1"),
    "YIELD_VALUE": ("generator", "def g(): yield 1"),
    "SEND": ("yield from / await", "def g(): yield from x"),
    "END_SEND": ("yield from / await", "def g(): yield from x"),
    "GET_YIELD_FROM_ITER": ("yield from", "def g(): yield from x"),
    "CLEANUP_THROW": ("yield from / await", "def g(): yield from x"),
    "GET_AWAITABLE": ("coroutine", "async def f(): await x"),
    "GET_AITER": ("async for", "async def f():\n async for i in x: pass"),
    "GET_ANEXT": ("async for", "async def f():\n async for i in x: pass"),
    "END_ASYNC_FOR": ("async for", "async def f():\n async for i in x: pass"),
}
