"""Functions: every parameter kind, defaults, annotations, decorators,
lambdas, closures, global and nonlocal."""

counter = 0


def plain(a, b):
    return a + b


def defaults(a, b=1, *args, c, d=2, **kwargs):
    return a, b, args, c, d, kwargs


def posonly(a, b, /, c, *, d):
    return a * b - c // d


def annotated(x: int, *rest: str, flag: bool = False, **extra: float) -> list[int]:
    return [x]


def decorator(f):
    return f


@decorator
@decorator
def decorated(x):
    "A docstring."
    return x


def outer(n):
    total = 0

    def inner(k):
        nonlocal total
        total += k
        return total

    def reader():
        return n + total

    inner(n)
    return inner, reader


def bump():
    global counter
    counter += 1
    del counter


square = lambda x: x * x
adder = lambda a, *b, c=3, **d: a + c
kwcall = defaults(1, 2, 3, c=4, e=5)
spread = plain(*[1], **{"b": 2})
nested = lambda: (lambda y: y)


def recursion(n):
    if n <= 1:
        return 1
    return n * recursion(n - 1)


def many_args(a, b, c, d, e, f, g, h):
    return plain(a, b) + plain(c, d) + posonly(e, f, g, d=h)


def starred_call(f, xs, kw):
    return f(0, *xs, 1, *xs, key=2, **kw)
