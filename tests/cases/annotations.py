# Annotations (PEP 649/749 semantics of 3.14): function annotations are
# evaluated lazily by a compiler-generated __annotate__ function; module-level
# annotated assignments build a module __annotate__; local ones are ignored.

counter: int = 0
label: str
ratio: "float" = 0.5
if counter == 0:
    conditional: list = []
else:
    never: dict = {}

def f(a: int, b: "str" = "x", *args: float, c: bool = False, **kw: bytes) -> list:
    """f has annotations"""
    local: int = 5
    return [a, b, c, local]

print(f(1), f.__name__, f.__doc__)
print(f.__annotations__)
print(f.__annotate__(1))
print(f.__annotate__(2) == f.__annotations__)
try:
    f.__annotate__(3)
except NotImplementedError as e:
    print("NotImplementedError", e.args)

def g(x, y):
    return x

print(g.__annotations__, g.__annotate__)

calls = []
def annotation_value(tag):
    calls.append(tag)
    return tag

def lazy(p: annotation_value("p"), q: annotation_value("q") = 1) -> annotation_value("ret"):
    return p

print("before access:", calls)
print(lazy.__annotations__)
print("after access:", calls)
print(lazy.__annotations__ is lazy.__annotations__, calls)

def outer():
    T = tuple
    def inner(v: T) -> T:
        return v
    return inner

print(outer().__annotations__)

def late() -> LaterDefined:
    return None

try:
    late.__annotations__
except NameError as e:
    print("NameError:", e)
LaterDefined = "now defined"
print(late.__annotations__)

print(counter, ratio, conditional)
ann = __annotate__(1)
print(ann)
print(sorted(ann), "label" in ann, "never" in ann)
try:
    label
except NameError as e:
    print("NameError:", e)

def h(x: int = 3, /, y: "list[int]" = [], *, z: "dict | None" = None) -> None:
    pass

print(h.__annotations__, h.__defaults__, h.__kwdefaults__)
