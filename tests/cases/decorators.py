# Function decorators: plain, stacked, with arguments, decorators that keep
# state, decorator order of application and of evaluation.

log = []

def trace(fn):
    def wrapper(*args, **kwargs):
        log.append(f"call {fn.__name__}{args}{kwargs}")
        result = fn(*args, **kwargs)
        log.append(f"ret {fn.__name__} -> {result!r}")
        return result
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    wrapper.__wrapped__ = fn
    return wrapper

@trace
def add(a, b=1):
    """Add two numbers."""
    return a + b

print(add(2, 3), add(5), add(a=1, b=1))
print(add.__name__, add.__doc__, add.__qualname__, add.__wrapped__.__qualname__)
for line in log:
    print(line)

def repeat(times):
    print("repeat factory called with", times)
    def deco(fn):
        print("repeat decorating", fn.__name__)
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco

def tag(name):
    print("tag factory called with", name)
    def deco(fn):
        print("tag decorating", fn.__name__)
        def wrapper(*args):
            return f"<{name}>{fn(*args)}</{name}>"
        return wrapper
    return deco

@tag("b")
@repeat(2)
def greet(who):
    return "hi " + who

print(greet("bob"))

def counted(fn):
    calls = 0
    def wrapper(*a):
        nonlocal calls
        calls += 1
        wrapper.calls = calls
        return fn(*a)
    wrapper.calls = 0
    return wrapper

@counted
def square(x):
    return x * x

print([square(i) for i in range(5)], square.calls)

registry = {}

def register(fn):
    registry[fn.__name__] = fn
    return fn

@register
def alpha():
    return "A"

@register
def beta():
    return "B"

print(sorted(registry), [registry[k]() for k in sorted(registry)], alpha is registry["alpha"])

def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), len(fib.cache))

decos = [lambda f: lambda: f() + 1, lambda f: lambda: f() * 10]

@decos[0]
@decos[1]
def base():
    return 1

print(base())

@(lambda fn: fn.__name__.upper())
def named():
    pass

print(named, type(named).__name__)
