# Closures: cells, nonlocal, late binding, cells shared between closures,
# deleting a cell variable, closure introspection.

def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter(10)
print(inc(), inc(), inc(5), get())
inc2, get2 = make_counter()
print(inc2(), get(), get2())
print(inc.__name__, inc.__qualname__, get.__qualname__, len(inc.__closure__), inc.__closure__[0].cell_contents)
print(make_counter.__closure__, inc.__code__.co_freevars, make_counter.__code__.co_cellvars)

def adders():
    fs = []
    for i in range(3):
        fs.append(lambda x: x + i)
    gs = [lambda x, i=i: x + i for i in range(3)]
    return [f(10) for f in fs], [g(10) for g in gs]

print(adders())

def outer():
    x = "outer"
    def middle():
        y = "middle"
        def inner():
            nonlocal x
            x = x + "+inner"
            return x, y
        return inner
    r = middle()()
    return r, x

print(outer())

def accumulate():
    total = 0
    items = []
    def add(v):
        nonlocal total
        total += v
        items.append(v)
        return total
    for v in (1, 2, 3, 4):
        add(v)
    return total, items

print(accumulate())

def cell_then_delete():
    v = 1
    def read():
        return v
    first = read()
    del v
    try:
        read()
    except NameError as e:
        second = f"NameError: {e}"
    v = 2
    return first, second, read()

print(cell_then_delete())

def param_cell(a, b=5):
    def show():
        return a * b
    a += 1
    return show()

print(param_cell(2), param_cell(2, 10))

def fib_memo():
    memo = {}
    def fib(n):
        if n < 2:
            return n
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]
    return fib

fib = fib_memo()
print([fib(i) for i in range(15)], fib(90))

def compose(*fns):
    def composed(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return composed

inc1 = lambda v: v + 1
dbl = lambda v: v * 2
print(compose(inc1, dbl)(5), compose(dbl, inc1)(5), compose()(7))

def make_ops():
    state = {"n": 0}
    def bump():
        state["n"] += 1
    def reset():
        nonlocal state
        state = {"n": 100}
    bump(); bump(); reset(); bump()
    return state

print(make_ops())

x = "global x"
def shadow():
    x = "local x"
    def g():
        return x
    return g()
print(shadow(), x)

def closure_in_comprehension():
    base = 100
    return [base + i for i in range(3)], {k: base for k in "ab"}, [(lambda: base + j)() for j in range(2)]

print(closure_in_comprehension())

def unbound_free():
    def g():
        return late
    try:
        g()
    except NameError as e:
        print("NameError:", e)
    late = 1
    return g()

print(unbound_free())
