# try/except/else/finally in all combinations, matching, exception objects,
# messages of common builtin errors, control flow through finally.

def attempt(fn):
    try:
        result = fn()
    except ZeroDivisionError as e:
        print("  ZeroDivisionError:", e)
    except (KeyError, IndexError) as e:
        print("  lookup error:", type(e).__name__, e, e.args)
    except TypeError:
        print("  TypeError (unnamed)")
    except Exception as e:
        print("  other:", type(e).__name__, repr(e))
    else:
        print("  else, result =", result)
    finally:
        print("  finally")

for fn in (lambda: 1 / 0, lambda: {}["k"], lambda: [][0], lambda: None + 1, lambda: int("x"), lambda: 42):
    attempt(fn)

print("-- finally and return/break/continue")

def ret_in_try():
    try:
        return "try"
    finally:
        print("  finally runs before return")

def exc_in_finally_path():
    log = []
    try:
        try:
            raise ValueError("inner")
        finally:
            log.append("inner finally")
    except ValueError as e:
        log.append("caught " + str(e))
    return log

def loop_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out

print(ret_in_try(), exc_in_finally_path(), loop_finally())

def nested_handlers():
    try:
        try:
            {}["missing"]
        except KeyError:
            print("  inner caught KeyError, raising TypeError")
            raise TypeError("from handler")
        finally:
            print("  inner finally")
    except TypeError as e:
        print("  outer caught", repr(e), "context:", repr(e.__context__))
    return "done"

print(nested_handlers())

print("-- exception variable is cleared after except")
try:
    raise ValueError("v")
except ValueError as err:
    print("  inside:", err)
try:
    print(err)
except NameError as e:
    print("  NameError:", e)

def local_cleared():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        pass
    try:
        return exc
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)

print(local_cleared())

print("-- hierarchy and matching")
for exc in (KeyError("k"), IndexError("i"), ZeroDivisionError("z"), OverflowError("o"), ValueError("v"),
            UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"), FileNotFoundError(2, "nope"), RecursionError("r"),
            NotImplementedError("n"), StopIteration(5), AttributeError("a"), AssertionError()):
    names = [cls.__name__ for cls in (LookupError, ArithmeticError, ValueError, OSError, RuntimeError, Exception)
             if isinstance(exc, cls)]
    print(" ", type(exc).__name__, names, repr(exc), str(exc), exc.args)
try:
    raise KeyError
except LookupError as e:
    print("  bare class raised:", repr(e), e.args)
try:
    raise StopIteration(7)
except StopIteration as e:
    print("  StopIteration value:", e.value)
e = ValueError("multi", "args", 3)
print(" ", e, repr(e), e.args, str(ValueError()), repr(ValueError()), str(KeyError("q")), str(KeyError()))
print(" ", repr(OSError(2, "msg")), OSError(2, "msg").errno, OSError(2, "msg").strerror, str(OSError(2, "msg")))
print(" ", BaseException.__name__, issubclass(KeyError, LookupError), issubclass(KeyboardInterrupt, Exception))

print("-- bare raise re-raises the current exception")
def reraiser():
    try:
        int("nope")
    except ValueError:
        print("  logging and re-raising")
        raise

try:
    reraiser()
except ValueError as e:
    print("  re-raised:", e, e.__traceback__ is not None)

print("-- except with a tuple held in a variable, and catch-all")
errs = (TypeError, ValueError)
for thing in ("1", "a", None):
    try:
        print(" ", int(thing))
    except errs as e:
        print("  caught via tuple:", type(e).__name__)
try:
    raise RuntimeError("anything")
except:
    print("  bare except caught RuntimeError")

print("-- messages of common errors")
nums = [1, 2]
dct = {"a": 1}
nothing = None
cases = [
    lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: divmod(1, 0), lambda: 0 ** -1, lambda: 2 ** 10000 * 1.0,
    lambda: "a" + 1, lambda: 1 + "a", lambda: [] + (), lambda: "a" - "b", lambda: -"a", lambda: ~1.5, lambda: nothing(),
    lambda: nums.nope, lambda: (5).real.x, lambda: len(5), lambda: nums[5], lambda: dct["b"], lambda: dct[["x"]],
    lambda: int("1.5"), lambda: float("x"), lambda: undefined_thing, lambda: nums < "a", lambda: {} < {},
    lambda: iter(5), lambda: next(iter([])), lambda: sum(["a", "b"]), lambda: [1, 2].index("z"),
    lambda: "abc"[1:2:0], lambda: chr(-1), lambda: nums.sort(key=5), lambda: 1 << -1, lambda: 10 ** 400 * 1.5,
    lambda: max([]), lambda: min(1), lambda: abs("x"), lambda: round("x"), lambda: ord(""),
    lambda: "x".join(5), lambda: b"a" + "b", lambda: bytes("x"), lambda: hash([]), lambda: sorted(5),
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
