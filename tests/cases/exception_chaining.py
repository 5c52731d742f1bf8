# Exception chaining: implicit __context__, explicit __cause__ (raise from),
# raise from None (__suppress_context__), notes, tracebacks, re-raising.

def describe(e):
    return (f"{type(e).__name__}({', '.join(map(repr, e.args))}) cause={e.__cause__!r} "
            f"context={e.__context__!r} suppress={e.__suppress_context__} tb={e.__traceback__ is not None}")

try:
    try:
        1 / 0
    except ZeroDivisionError as inner:
        raise ValueError("bad value") from inner
except ValueError as e:
    print(describe(e))
    print(" cause is context:", e.__cause__ is e.__context__)

try:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("while handling")
except TypeError as e:
    print(describe(e))

try:
    try:
        [][1]
    except IndexError:
        raise LookupError("hidden") from None
except LookupError as e:
    print(describe(e))

try:
    raise RuntimeError("explicit") from KeyError("not raised")
except RuntimeError as e:
    print(describe(e), "| cause tb:", e.__cause__.__traceback__)

try:
    try:
        raise ValueError("first")
    except ValueError as first:
        try:
            raise TypeError("second")
        except TypeError as second:
            raise KeyError("third") from first
except KeyError as e:
    print(describe(e))
    print(" chain:", repr(e.__context__), "->", repr(e.__context__.__context__))

print("-- exception objects created but not raised")
e = ValueError("plain")
print(describe(e))
e.__cause__ = KeyError("set by hand")
print(describe(e))
e.__cause__ = None
e.__suppress_context__ = False
print(describe(e))

print("-- notes")
try:
    err = ValueError("with notes")
    err.add_note("first note")
    err.add_note("second note")
    raise err
except ValueError as e:
    print(describe(e), e.__notes__)
try:
    ValueError().add_note(42)
except TypeError as e:
    print("TypeError:", e)
print(hasattr(ValueError(), "__notes__"))

print("-- tracebacks")
def level3():
    raise IndexError("deep")

def level2():
    level3()

def level1():
    level2()

try:
    level1()
except IndexError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print("traceback line numbers:", lines)
    e2 = e.with_traceback(None)
    print(e2 is e, e.__traceback__)

print("-- re-raising a caught exception object later")
saved = None
try:
    int("q")
except ValueError as e:
    saved = e
try:
    raise saved
except ValueError as e:
    print("re-raised saved:", e is saved, e)

print("-- context set automatically in finally and nested handlers")
def f():
    try:
        raise KeyError("a")
    finally:
        try:
            raise ValueError("in finally")
        except ValueError as v:
            print(" in finally handler, context:", repr(v.__context__))

try:
    f()
except KeyError as e:
    print(" outer got", repr(e), "context:", e.__context__)

try:
    try:
        raise OSError("os")
    except OSError as exc:
        raise exc
except OSError as e2:
    print(" raising the same exception keeps context:", e2.__context__)

print("-- raise with class and instance, raise from class")
for thing in (ValueError, ValueError("inst")):
    try:
        raise thing
    except ValueError as e:
        print(" raised", repr(e))
try:
    raise ValueError("x") from TypeError
except ValueError as e:
    print(" from class:", repr(e.__cause__))
for bad in (5, "str"):
    try:
        raise bad
    except TypeError as e:
        print(" TypeError:", e)
try:
    raise ValueError from 5
except TypeError as e:
    print(" TypeError:", e)
try:
    raise
except RuntimeError as e:
    print(" RuntimeError:", e)
