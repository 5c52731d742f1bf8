# Workload: recursive calls (fib, tak, Ackermann, mutual recursion, a
# recursive sum over nested lists). `recursion.pyc N`: N scales the work.
# Prints a checksum python3.14 agrees with.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def build(depth):
    if depth == 0:
        return [1, 2, 3]
    return [build(depth - 1), depth, build(depth - 1)]


def deep_sum(x):
    if type(x) is int:
        return x
    s = 0
    for item in x:
        s += deep_sum(item)
    return s


n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
f = 0
for i in range(n):
    f += fib(15 + i % 4)
t = 0
for i in range(n):
    t += tak(12 + i % 3, 8, 4)
a = 0
for i in range(n):
    a += ack(2, 20 + i % 10)
e = 0
for i in range(n):
    e += is_even(100 + i) + is_odd(150 + i)
d = 0
for i in range(n):
    d += deep_sum(build(6 + i % 3))
print("fib", f)
print("tak", t)
print("ack", a)
print("parity", e)
print("tree", d)
print("checksum", (f * 31 + t * 17 + a * 7 + e * 3 + d) % 1000000007)
