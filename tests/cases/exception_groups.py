# ExceptionGroup and except* (all handled; nothing escapes).

eg = ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2"), KeyError("k")])
print(repr(eg), str(eg), len(eg.exceptions), eg.message, [repr(e) for e in eg.exceptions])

try:
    raise eg
except* ValueError as group:
    print("ValueError part:", repr(group), [str(e) for e in group.exceptions])
except* (TypeError, KeyError) as group:
    print("Type/Key part:", repr(group))

def partial():
    try:
        raise ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), OSError("c")])])
    except* TypeError as g:
        print("handled TypeError:", repr(g))

try:
    partial()
except ExceptionGroup as rest:
    print("rest escaped:", repr(rest))
    match_v, rest2 = rest.split(ValueError)
    print("split:", repr(match_v), repr(rest2))
    print("subgroup:", repr(rest.subgroup(OSError)), rest.subgroup(KeyError))

try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked exception wrapped:", repr(g), type(g).__name__)

try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise KeyError("raised in except*")
except (ExceptionGroup, KeyError) as e:
    print("raised in handler:", repr(e), repr(e.__context__))

try:
    try:
        raise ExceptionGroup("two", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("from first handler")
    except* TypeError:
        raise IndexError("from second handler")
except ExceptionGroup as e:
    print("two handlers raised:", repr(e), [repr(x.__context__) for x in e.exceptions])

beg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__, repr(beg), type(BaseExceptionGroup("x", [ValueError()])).__name__)
print(repr(eg.derive([ZeroDivisionError()])), eg.split(ZeroDivisionError))
for bad in (lambda: ExceptionGroup("x", []), lambda: ExceptionGroup("x", [1]), lambda: ExceptionGroup([ValueError()])):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
