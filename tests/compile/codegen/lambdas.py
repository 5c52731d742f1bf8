# Lambdas with defaults, closures, nesting, generators.
f = lambda: None
g = lambda x, y=1: x + y
h = lambda *a, **k: (a, k)
i = lambda x: lambda y: x + y
j = lambda: (yield)
k = lambda *, a: a
m = [lambda: i for i in range(3)]
n = lambda x=lambda: 1: x
def p(a):
    return lambda: a
