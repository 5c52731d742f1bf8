"""Assignment forms: chained, augmented, tuple and star unpacking,
attribute and subscript targets, slices, walrus, del, annotated names."""

a = b = c = 0
a, b = b, a
a, b, c = c, b, a
first, *middle, last = range(10)
(x, y), z = (1, 2), 3
[p, q] = "pq"
a += 1
b -= 2
c *= 3
a //= 2
b **= 2
c %= 5
a <<= 1
b >>= 1
c &= 7
a |= 8
b ^= 3
c @= None if False else c
lst = [1, 2, 3, 4, 5]
lst[0] = lst[-1]
lst[1:3] = [9, 9]
lst[::2] = lst[1::2] + [0]
lst[a:b] += []
del lst[0], lst[1:2]
count: int = 0
total: float
obj = type("O", (), {})()
obj.attr = 1
obj.attr += 1
del obj.attr
if (n := len(lst)) > 2:
    print(n)


def local_forms(seq):
    head, *tail = seq
    seq[0], seq[1] = seq[1], seq[0]
    value: int = 5
    (found := head)
    del head
    return tail, value, found
