# Workload: closures (counters over nonlocal cells, function factories,
# composition, lambdas as keys and callbacks, nested scopes several levels
# deep). `closures.pyc N`: N scales the work. Prints a checksum python3.14
# agrees with.
import sys


def counter(start):
    count = start

    def step(by=1):
        nonlocal count
        count += by
        return count

    return step


def compose(f, g):
    return lambda x: f(g(x))


def adder(k):
    def add(x):
        return x + k
    return add


def memo(fn):
    cache = {}

    def wrapped(x):
        if x in cache:
            return cache[x]
        v = fn(x)
        cache[x] = v
        return v

    return wrapped


def levels(a):
    def l1(b):
        def l2(c):
            def l3(d):
                return a + b + c + d
            return l3
        return l2
    return l1


def apply_all(fs, x):
    for f in fs:
        x = f(x)
    return x


def main(n):
    c = counter(0)
    for i in range(10 * n):
        c(i % 3)
    cnt = c(0)
    inc = adder(1)
    dbl = lambda x: x * 2
    pipeline = [compose(inc, dbl), adder(5), compose(dbl, adder(-3)), lambda v: v % 100003]
    acc = 0
    for i in range(5 * n):
        acc = apply_all(pipeline, acc + i)
    sq = memo(lambda x: x * x)
    ms = 0
    for i in range(10 * n):
        ms += sq(i % 97)
    lv = 0
    for i in range(3 * n):
        lv += levels(i)(1)(2)(3)
    keyed = sorted(range(2 * n), key=lambda v: (v * 7) % 13)
    ks = keyed[0] + keyed[-1] + keyed[len(keyed) // 2]
    print("counter", cnt)
    print("pipeline", acc)
    print("memo", ms)
    print("levels", lv)
    print("keyed", ks)
    print("checksum", (cnt * 31 + acc * 17 + ms * 7 + lv * 3 + ks) % 1000000007)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
