# Comprehensions with cells, walrus, async, nesting in functions.
def f(xs):
    fs = [lambda: x for x in xs]
    total = 0
    [total := total + x for x in xs]
    d = {k: (v := k * 2) for k in xs}
    return fs, total, d, v
def g(xs):
    y = 1
    return [y for y in xs], y
def h(m):
    return [[a, b] for a in m for b in a if b]
async def af(xs):
    r = [await x for x in xs]
    s = {x async for x in arange()}
    return r, s
def k(x):
    return [x for x in [x]]
def cell_in_comp(items):
    return [(lambda: i) for i in items if (j := i)], j
