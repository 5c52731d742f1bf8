# Workload (pending: pyrs runs it once generators land, issue 4): generators
# and generator expressions (yield, yield from, send, pipelines of
# generators, sum over a generator expression).
# `generators.pyc N`: N scales the work. Prints a checksum python3.14 agrees with.
import sys


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def squares(src):
    for x in src:
        yield x * x


def chain(*its):
    for it in its:
        yield from it


def running_total():
    total = 0
    while True:
        x = yield total
        total += x


def fib_gen(limit):
    a, b = 0, 1
    while a < limit:
        yield a
        a, b = b, a + b


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
p = sum(squares(evens(count_up(20 * n)))) % 1000000007
g = sum(x % 7 for x in range(20 * n) if x % 3)
c = 0
for x in chain(count_up(n), fib_gen(10 ** 12), [5, 6, 7]):
    c += x % 1000
rt = running_total()
next(rt)
r = 0
for i in range(10 * n):
    r = rt.send(i % 13)
print("pipeline", p)
print("genexpr", g)
print("chain", c)
print("send", r)
print("checksum", (p * 31 + g * 17 + c * 7 + r) % 1000000007)
