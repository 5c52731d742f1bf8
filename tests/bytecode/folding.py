"""Constant folding and the optimizer: arithmetic, tuples, unary
operators, subscripts, `in` with constant sets and lists, dead code,
jump threading, large literals and EXTENDED_ARG."""

seconds = 24 * 60 * 60
neg = -5
inverted = ~0
mask = (1 << 16) - 1
tup = (1, 2, (3, 4), "s", None)
pi_ish = 22 / 7
power = 2 ** 10
big = 2 ** 100
sub = "abc"[1]
empty = ()
one = (1,)


def membership(v):
    if v in {1, 2, 3}:
        return 1
    if v not in [4, 5, 6]:
        return 2
    return 3


def dead_code():
    return 1
    print("never")


def constant_conditions():
    if 0:
        print("no")
    while 1:
        break
    if not True:
        pass
    return __debug__


def long_function(a):
    r = 0
    if a:
        r = 1 + a
        r = 2 + a
        r = 3 + a
        r = 4 + a
        r = 5 + a
        r = 6 + a
        r = 7 + a
        r = 8 + a
        r = 9 + a
        r = 10 + a
        r = 11 + a
        r = 12 + a
        r = 13 + a
        r = 14 + a
        r = 15 + a
        r = 16 + a
        r = 17 + a
        r = 18 + a
        r = 19 + a
        r = 20 + a
        r = 21 + a
        r = 22 + a
        r = 23 + a
        r = 24 + a
        r = 25 + a
        r = 26 + a
        r = 27 + a
        r = 28 + a
        r = 29 + a
        r = 30 + a
        r = 31 + a
        r = 32 + a
        r = 33 + a
        r = 34 + a
        r = 35 + a
        r = 36 + a
        r = 37 + a
        r = 38 + a
        r = 39 + a
        r = 40 + a
    return r


def many_locals(a, b, c):
    d = a + b
    e = d * c
    f = e - a
    return a, b, c, d, e, f, [a, b], {a: b}, {a, b}
