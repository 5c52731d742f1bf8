"""Control flow: if/elif/else, while/for with break, continue and else,
boolean operators, conditional expressions, chained comparisons, assert,
del, pass."""

import sys


def branches(x, y):
    if x and y:
        r = 1
    elif x or not y:
        r = 2
    elif x < y <= 10 != x:
        r = 3
    else:
        r = 4
    return r if r > 2 else -r


def loops(items):
    total = 0
    for i in items:
        if i < 0:
            continue
        if i > 100:
            break
        total += i
    else:
        total = -1
    n = 0
    while n < 10:
        n += 1
        if n == 5:
            break
    else:
        n = 0
    while True:
        n -= 1
        if not n:
            break
    return total, n


def nested_loops(m):
    out = []
    for row in m:
        for cell in row:
            if cell is None:
                continue
            out.append(cell)
    return out


def checks(x):
    assert x, "message"
    assert isinstance(x, int)
    del x
    pass


def boolean_values(a, b, c):
    v = a and b or c
    w = not (a or b) and c
    return v, w, a if b else c, (a is None) is not (b in c), b not in c


x = 1
if x:
    print(branches(1, 2), loops([1, 2, 3]))
for k in range(3):
    pass
while x:
    x -= 1
print(sys.argv[0] if len(sys.argv) > 1 else "", end="")
