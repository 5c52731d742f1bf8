# Benchmark (instruction counting): call-heavy code. Recursive fib, many
# small functions called with positional and keyword arguments, defaults,
# closures and lambdas. About 0.1 s on python3.14. Prints a checksum.

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def add(a, b):
    return a + b


def scale(x, *, factor=2, offset=0):
    return x * factor + offset


def clamp(v, lo=0, hi=1000):
    return lo if v < lo else hi if v > hi else v


def combine(*args, **kwargs):
    return len(args) + len(kwargs)


def make_adder(k):
    def adder(x):
        return x + k
    return adder


def small_calls(n):
    acc = 0
    inc = make_adder(3)
    sq = lambda v: v * v
    for i in range(n):
        acc = add(acc, i)
        acc = scale(acc, factor=3, offset=1) % 1000003
        acc = clamp(acc, hi=900000)
        acc = inc(acc)
        acc += sq(i % 10)
        acc += combine(i, acc, key=i)
    return acc


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


f = fib(27)
s = small_calls(60000)
t = tak(21, 14, 7)
print("fib", f)
print("small_calls", s)
print("tak", t)
print("checksum", (f * 1000003 + s * 31 + t) % 1000000007)
