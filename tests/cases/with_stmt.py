# with statements: __enter__/__exit__ order, the value bound by `as`,
# exceptions inside the block, suppression, nesting, several items.

log = []


class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        log.append(("enter", self.name))
        return self.name.upper()

    def __exit__(self, typ, val, tb):
        log.append(("exit", self.name, typ.__name__ if typ else None, repr(val), tb is None))
        return self.suppress


def show(title):
    print(title, log)
    log.clear()


with CM("a") as v:
    log.append(("body", v))
show("plain:")

with CM("b"):
    pass
show("no as:")

try:
    with CM("c") as v:
        raise ValueError("boom")
except ValueError as e:
    log.append(("caught", str(e)))
show("exception propagates:")

with CM("d", suppress=True):
    raise KeyError("gone")
show("suppressed:")

with CM("outer") as o, CM("inner") as i:
    log.append(("body", o, i))
show("two items:")

try:
    with CM("o1"), CM("i1", suppress=True), CM("x"):
        raise TypeError("t")
    log.append("after")
except TypeError:
    log.append("not reached")
show("inner suppresses:")

with CM("n1"):
    with CM("n2"):
        with CM("n3") as deep:
            log.append(("deep", deep))
show("nested:")


# __exit__ return value is truth-tested
class Truthy:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        log.append(("bool", self.v))
        return self.v


class CM2:
    def __init__(self, ret):
        self.ret = ret

    def __enter__(self):
        return self

    def __exit__(self, *a):
        return self.ret


with CM2(Truthy(True)):
    raise RuntimeError
show("truthy exit result:")

for ret in (1, "yes", [0], 0, "", None):
    try:
        with CM2(ret):
            raise OSError(ret)
        log.append(("suppressed by", ret))
    except OSError:
        log.append(("raised by", ret))
show("truth values:")


# return/break/continue leave through __exit__(None, None, None)
def f():
    with CM("ret"):
        return "returned"


print(f())
show("return:")

for k in range(3):
    with CM(str(k)):
        if k == 0:
            continue
        if k == 1:
            break
show("break/continue:")


# exceptions raised by __exit__ itself
class BadExit:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise LookupError("from exit", a[0])


try:
    with BadExit():
        pass
except LookupError as e:
    print("exit raised:", e.args)

try:
    with BadExit():
        raise ZeroDivisionError("orig")
except LookupError as e:
    print("exit raised:", e.args[0], type(e.__context__).__name__, e.__context__)


# __enter__ raising: __exit__ is not called
class BadEnter:
    def __enter__(self):
        raise AttributeError("no enter")

    def __exit__(self, *a):
        print("never")


try:
    with BadEnter():
        print("never")
except AttributeError as e:
    print("enter raised:", e)


# the special methods are looked up on the type, not the instance
class OnType:
    def __enter__(self):
        return "type enter"

    def __exit__(self, *a):
        return False


o = OnType()
o.__enter__ = lambda: "instance enter"
with o as r:
    print(r)


# a callable class attribute that is not a function is used as is
class Callable:
    def __call__(self, *a):
        log.append(("callable", len(a)))
        return True


class Odd:
    __enter__ = Callable()
    __exit__ = Callable()


with Odd() as r:
    raise ValueError
show("non-function methods:")


# static and class methods
class Static:
    @staticmethod
    def __enter__():
        return "static"

    @classmethod
    def __exit__(cls, *a):
        log.append(("classmethod", cls.__name__, a[0]))


with Static() as r:
    log.append(r)
show("static/class:")


# the exception is still the handled one inside __exit__
import sys


class Peek:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("exc_info in exit:", sys.exc_info()[0] is t, repr(sys.exception()))
        return True


with Peek():
    raise NameError("peek")
print("after peek:", sys.exception())

# traceback passed to __exit__
class TB:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("tb:", type(tb).__name__, tb is v.__traceback__, tb.tb_lineno)
        return True


with TB():
    1 / 0

# missing protocol methods
class NoExit:
    def __enter__(self):
        return self


class NoEnter:
    def __exit__(self, *a):
        pass


class AsyncOnly:
    async def __aenter__(self):
        pass

    async def __aexit__(self, *a):
        pass


for obj in (NoExit(), NoEnter(), AsyncOnly(), 42, None):
    try:
        with obj:
            pass
    except TypeError as e:
        print(e)
