# Function definitions and calls: defaults, keyword-only, *args/**kwargs,
# positional-only, argument errors with CPython's exact messages, function
# attributes.

def f(a, b=2, *args, c, d=4, **kwargs):
    """Doc of f."""
    return (a, b, args, c, d, kwargs)

print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, d=10))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))
print(f(a=1, c=2), f(1, 2, c=3, **{"q": 1}, r=2))

def pos_only(a, b, /, c, *, d):
    return a, b, c, d

print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))

def defaults(x, y=[], z={}):
    y.append(x)
    z[x] = len(y)
    return y, z

print(defaults(1), defaults(2), defaults(3, []), defaults.__defaults__)

def kw_only(*, a, b=10):
    return a + b

print(kw_only(a=1), kw_only(b=1, a=5), kw_only.__kwdefaults__, kw_only.__defaults__)

def star_only(*args):
    return args

def kw_collect(**kw):
    return kw

print(star_only(), star_only(1), star_only(*"ab", *[3]), kw_collect(), kw_collect(x=1, **{"y": 2}, z=3))
print(kw_collect(**{"a": 1}, **{"b": 2}), star_only(*range(3), 9, *(), *[10]))

def mixed(a, /, b, *, c):
    return f"{a}-{b}-{c}"

print(mixed(1, 2, c=3), mixed(1, b=2, c=3))

def same_name(a, /, **kw):
    return a, kw

print(same_name(1, a=2))

print("-- function attributes")

def documented(x: int, y: "str" = "s", *rest: float, k: bool = True, **kw: dict) -> list:
    """First line.

    More text."""
    return [x, y]

print(documented.__name__, documented.__qualname__, repr(documented.__doc__))
print(documented.__annotations__)
print(documented.__defaults__, documented.__kwdefaults__, f.__doc__)

def no_doc():
    pass

print(no_doc.__doc__, no_doc.__defaults__, no_doc.__kwdefaults__, no_doc.__annotations__, no_doc())
no_doc.custom = 42
print(no_doc.custom, hasattr(no_doc, "custom"), getattr(no_doc, "missing", "dflt"))
no_doc.custom += 1
print(no_doc.custom)
del no_doc.custom
print(hasattr(no_doc, "custom"))
setattr(no_doc, "other", [1])
print(no_doc.other, no_doc.__dict__)
lam = lambda x, y=1: x + y
print(lam.__name__, lam.__qualname__, lam(1), lam(1, 2), lam.__defaults__, (lambda: None)())
print(callable(f), callable(lam), callable(len), callable(5), type(f).__name__, type(len).__name__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_posonlyargcount,
      pos_only.__code__.co_posonlyargcount, f.__code__.co_varnames, f.__code__.co_name)

print("-- argument errors")

def two(a, b):
    return a + b

def kwo(a, *, b):
    return a

def po(a, /):
    return a

five = 5
calls = [
    lambda: two(1),
    lambda: two(),
    lambda: two(1, 2, 3),
    lambda: two(1, c=2),
    lambda: two(1, 2, b=3),
    lambda: two(1, a=2),
    lambda: kwo(1, 2),
    lambda: kwo(1),
    lambda: kwo(),
    lambda: po(a=1),
    lambda: f(),
    lambda: f(1),
    lambda: pos_only(1, 2, 3, 4),
    lambda: no_doc(1),
    lambda: no_doc(x=1),
    lambda: lam(),
    lambda: two(*[1, 2, 3]),
    lambda: two(**{"a": 1, "b": 2, "c": 3}),
    lambda: two(1, **{"a": 1}),
    lambda: kw_collect(1),
    lambda: len(),
    lambda: len(1, 2),
    lambda: len(x=1),
    lambda: two(*5),
    lambda: two(**5),
    lambda: two(**{1: 2}),
    lambda: print(sep=5),
    lambda: sorted([1], key=1, reverse=True, extra=2),
    lambda: int("1", base=2, extra=3),
    lambda: five(),
]
for i, call in enumerate(calls):
    try:
        call()
        print(i, "no error")
    except TypeError as e:
        print(i, "TypeError:", e)
