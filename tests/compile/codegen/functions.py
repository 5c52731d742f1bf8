# Functions: defaults, keyword-only, positional-only, varargs, closures.
def f():
    pass

def g(a, b=1, *args, c, d=2, **kw):
    return a + b

def h(a, /, b, *, c):
    return a, b, c

def k(*, a=1, b):
    return a

def docs():
    """Docstring."""
    return 1

def docs2():
    """
    Multi-line
        docstring.
    """

def gen():
    yield 1
    yield
    x = yield 2
    yield from g()
    return 3

def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner

def uses_global():
    global G
    G = 1
    return G

lam = lambda: 0
lam2 = lambda a, b=2, *c, d, **e: a + b
lam3 = lambda x: (yield x)

@decorator
def decorated():
    pass

@d1
@d2(arg)
def multi(): pass

def early(x):
    if x:
        return
    return x * 2

def returns_const():
    return None

def implicit():
    x = 1
