"""Field-by-field comparison of two code objects, shared by the
tools/compile/ checkers: the first difference as text, or None."""

import types

FIELDS = (
    "co_name", "co_qualname", "co_argcount", "co_posonlyargcount",
    "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags",
    "co_firstlineno", "co_varnames", "co_cellvars", "co_freevars",
    "co_names", "co_code", "co_linetable", "co_exceptiontable",
)


def const_key(c):
    """A constant's identity for comparison: type and value (-0.0 and 0.0,
    1 and 1.0 and True differ, as _PyCode_ConstantKey makes them)."""
    if isinstance(c, tuple):
        return ("tuple", tuple(const_key(x) for x in c))
    if isinstance(c, frozenset):
        return ("frozenset", frozenset(const_key(x) for x in c))
    if isinstance(c, float):
        return ("float", c.hex())
    if isinstance(c, complex):
        return ("complex", c.real.hex(), c.imag.hex())
    return (type(c).__name__, c)


def first_difference(want, got, path=""):
    where = want.co_qualname
    for f in FIELDS:
        a, b = getattr(want, f), getattr(got, f)
        if a != b:
            return f"{where}: {f} differs: want {a!r:.200} got {b!r:.200}"
    if len(want.co_consts) != len(got.co_consts):
        return f"{where}: co_consts length {len(want.co_consts)} != {len(got.co_consts)}"
    for i, (a, b) in enumerate(zip(want.co_consts, got.co_consts)):
        if isinstance(a, types.CodeType) and isinstance(b, types.CodeType):
            d = first_difference(a, b, where + ".")
            if d:
                return d
        elif isinstance(a, types.CodeType) or isinstance(b, types.CodeType):
            return f"{where}: const {i}: {a!r:.100} vs {b!r:.100}"
        elif const_key(a) != const_key(b):
            return f"{where}: const {i}: want {a!r:.100} got {b!r:.100}"
    return None
