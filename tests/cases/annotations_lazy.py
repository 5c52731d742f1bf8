# PEP 649/749 annotations of classes and modules: evaluated lazily by the
# compiler-generated __annotate__, cached, and settable.
import sys

calls = []


def note(tag):
    calls.append(tag)
    return tag


class C:
    x: int
    y: "str" = "a"
    z: note("z")

    def m(self) -> C:
        pass


print("before access:", calls)
print(C.__annotations__)
print("after access:", calls)
print(C.__annotations__ is C.__annotations__, calls)
print(C.m.__annotations__)
print(type(C.__annotate__).__name__, C.__annotate__.__name__)
print(C.__annotate__(1) == C.__annotations__)
print("__annotate_func__" in C.__dict__, "__annotations_cache__" in C.__dict__)


class D(C):
    pass


print("subclass:", D.__annotations__, D.__annotate__)


class E:
    pass


print("no annotations:", E.__annotations__, E.__annotate__)


# names in a class annotation come from the class namespace first
class F:
    T = list
    a: T
    b: int


print(F.__annotations__)

# forward references fail at access time, not at class creation
class G:
    ref: Later


try:
    G.__annotations__
except NameError as e:
    print("NameError:", e)
Later = "later"
print(G.__annotations__)

# setting and deleting
C.__annotations__ = {"new": 1}
print(C.__annotations__, C.__annotate__)
del C.__annotations__
try:
    del C.__annotations__
except AttributeError as e:
    print("AttributeError:", e)
G.__annotate__ = lambda fmt: {"from": "lambda"}
print(G.__annotations__)
for bad in (5, "s"):
    try:
        G.__annotate__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    del G.__annotate__
except TypeError as e:
    print("TypeError:", e)


class BadAnnotate:
    pass


BadAnnotate.__annotate__ = lambda fmt: [1]
try:
    BadAnnotate.__annotations__
except TypeError as e:
    print("TypeError:", e)

for t in (int, object):
    for attr in ("__annotations__", "__annotate__"):
        try:
            getattr(t, attr)
        except AttributeError as e:
            print("AttributeError:", e)
try:
    int.__annotations__ = {}
except TypeError as e:
    print("TypeError:", e)

# module annotations
counter: int = 0
label: "str"
mod = sys.modules[__name__]
print(mod.__annotations__)
print(type(mod.__annotate__).__name__)
print(mod.__annotations__ is mod.__annotations__)
mod.__annotations__ = {"replaced": True}
print(mod.__annotations__, mod.__annotate__)
mod.__annotate__ = lambda fmt: {"by": "annotate"}
print(mod.__annotations__)
del mod.__annotations__
try:
    del mod.__annotations__
except AttributeError as e:
    print("AttributeError:", e)
try:
    mod.__annotate__ = 3
except TypeError as e:
    print("TypeError:", e)
