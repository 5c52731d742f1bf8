def simple(a, b=2, *args, c, d=4, **kw):
    """Docstring."""
    x = a + b
    y = x * 2
    z = y - 1
    return x, y, z

def closure(n):
    total = 0
    def add(k):
        nonlocal total
        total += k
        return total
    def get():
        return total
    return add, get

def arg_cell(a, b):
    def inner():
        return a + b
    return inner

def gen(n):
    for i in range(n):
        yield i
    yield from range(3)
    return "done"

async def coro(x):
    await x
    async for item in x:
        print(item)
    async with x as y:
        return y

def tries(f):
    try:
        r = f()
    except ValueError as e:
        return str(e)
    except (TypeError, KeyError):
        raise
    else:
        return r
    finally:
        print("cleanup")

def loops(seq):
    out = []
    for i, v in enumerate(seq):
        if v is None:
            continue
        if v < 0:
            break
        out.append(v)
    else:
        out.append(-1)
    while out and out[-1] > 10:
        out.pop()
    return out

def swaps(a, b, c):
    a, b = b, a
    a, b, c = c, b, a
    x = y = a
    return a, b, c, x, y

def maybe_unbound(flag):
    if flag:
        value = 1
    return value

def deleted(x):
    y = x
    del y
    return x

def comprehensions(data):
    a = [x for x in data]
    b = {k: v for k, v in data}
    c = (x for x in data)
    d = [lambda: x for x in data]
    return a, b, c, d

def withs(path):
    with open(path) as f:
        with open(path) as g:
            return f.read() + g.read()

def matching(p):
    match p:
        case [x, y]:
            return x + y
        case {"k": v}:
            return v
        case Point(x=0) as pt:
            return pt
        case _:
            return None

class Klass(Base, metaclass=Meta):
    attr = 1
    def method(self):
        return super().method()
    @property
    def prop(self):
        return __class__

def many_locals():
    a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = a8 = a9 = 0
    b0 = b1 = b2 = b3 = b4 = b5 = b6 = b7 = b8 = b9 = 0
    c0 = a0 + b9
    c1 = b1 + a9
    return c0, c1, a1, a2, a3, a4, a5, a6, a7, a8, b0, b2, b3, b4, b5, b6, b7, b8

lam = lambda q, *r, s=1: (q, r, s)

def star_unpack(seq):
    first, *rest = seq
    return first, rest

def boolean(a, b):
    return (a and b) or (not a and not b)

def except_star():
    try:
        pass
    except* ValueError as eg:
        print(eg)

def del_with_value_on_stack(a):
    with a:
        del a

def with_then_use(x):
    with x:
        pass
    return x

def import_from_then_attr(self):
    if x:
        pass
    self.x
    with self.x:
        from shutil import ExecError

def empty_block_then_loads(tz_str):
    try:
        start, end = 1, 2
    except ValueError as e:
        raise Exception()
    return f(start, end)

async def async_with_return(x):
    async with x as y:
        return y
