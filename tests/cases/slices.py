# Slicing: reads with every sign of start/stop/step, slice objects,
# slice assignment (incl. extended), slice deletion, errors.

s = "abcdefghij"
L = list(range(10))
t = tuple(range(10))
bs = b"0123456789"
r = range(10)

def cut(seq, i, j, k):
    return seq[i:j:k]

for i, j, k in ((None, None, None), (2, 5, None), (-3, None, None), (None, -3, None), (1, 9, 2), (None, None, -1),
                (8, 2, -2), (-1, -8, -3), (100, None, None), (-100, 3, None), (5, 5, None), (7, 2, None),
                (None, None, 3), (2, None, -1), (None, 2, -1), (3, -100, -1)):
    print((i, j, k), cut(s, i, j, k), cut(L, i, j, k), cut(t, i, j, k), cut(bs, i, j, k), cut(r, i, j, k))

n, m = 2, 7
print(s[n:m], s[n:], s[:m], s[-n:], s[:-m], s[::n], s[n::m], s[:m:n], s[n:m:n], L[n:m], t[n:], bs[:m])
print(s[1:3], L[::-2], t[5:1:-1], s[:], L[:] == L, L[:] is L, s[:] is s, t[:] is t)

print("-- slice objects")
sl = slice(1, 8, 3)
print(sl, sl.start, sl.stop, sl.step, s[sl], L[sl], slice(5), slice(None), slice(1, None, -1))
print(sl.indices(5), slice(None, None, -1).indices(10), slice(-3, None).indices(10), slice(0, 100, 7).indices(20))
print(s[slice(None, None, -2)], L[slice(-2, None)], slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3))

print("-- slice assignment")
a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a[:0] = [-1, -2]
print(a)
a[len(a):] = [99]
print(a)
a[1:3] = []
print(a)
a[::2] = "ABCDE"
print(a)
a[5:2:-1] = [7, 8, 9]
print(a)
a[:] = range(4)
print(a)
a[1:1] = (10, 11, 12)
print(a)
b = list(range(6))
b[n:m] = "zz"
print(b)
b[-2:] = b[:2]
print(b)
c = [1, 2, 3]
c[0:1] = c
print(c)

print("-- slice deletion")
d = list(range(12))
del d[::3]
print(d)
del d[-2:]
print(d)
del d[1:3]
print(d)
del d[::-2]
print(d)
del d[:]
print(d)
e = list(range(10))
del e[n:m:2]
print(e)

print("-- errors")
zero = 0
for fn in (lambda: a.__setitem__(slice(0, 5, 2), [1]), lambda: a.__setitem__(slice(None, None, 0), []),
           lambda: s[::zero], lambda: s.__getitem__("x"), lambda: t.__setitem__(slice(0, 1), (5,)),
           lambda: s.__setitem__(slice(0, 1), "z")):
    try:
        fn()
    except (ValueError, TypeError, AttributeError) as ex:
        print(type(ex).__name__ + ":", ex)
try:
    a[::zero] = []
except ValueError as ex:
    print("ValueError:", ex)
try:
    a[0:4:2] = [1, 2, 3]
except ValueError as ex:
    print("ValueError:", ex)
try:
    a[1:2] = 5
except TypeError as ex:
    print("TypeError:", ex)
