# Tuples, sequence unpacking, starred assignment, swaps, unpacking errors.

t = (1, 2, 3)
print(t, (), (1,), tuple(), tuple([4, 5]), tuple("ab"), len(t), t[1], t[-1], t[1:], t + (4,), t * 2, 2 in t)
print(t.count(2), t.index(3), (1, 2) < (1, 3), (1, 2) == (1, 2), (1,) < (1, 0), () < (0,), t == [1, 2, 3])
one = 1,
print(one, type(one).__name__, (1) == 1, ((1, 2), (3, 4))[1][0], ((),), tuple(range(0)))

print("-- unpacking")
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
a, b, c = "xyz"
print(a, b, c)
(a, b), c = (1, 2), 3
print(a, b, c)
[a, b] = [10, 20]
print(a, b)
a, *rest = [1, 2, 3, 4]
print(a, rest)
*init, last = range(5)
print(init, last)
first, *mid, last = "abcdef"
print(first, mid, last)
first, *mid, last = (1, 2)
print(first, mid, last)
x, (y, *z), w = 1, (2, 3, 4), 5
print(x, y, z, w)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
for p, *q in [(1, 2, 3), (4,), (5, 6)]:
    print(p, q)
i = j = k = 7
print(i, j, k)
lst = [0, 0, 0]
idx = 0
idx, lst[idx] = 1, 5
print(idx, lst)
d = {}
d["a"], d["b"] = 1, 2
print(d)
a, b, c, d2 = range(4)
a, b, c = c, a, b
print(a, b, c, d2)

print("-- star expressions in displays and calls")
xs = [1, 2]
ys = (3, 4)
print([*xs, *ys], (*xs, *ys), (*xs,), [*"ab", *range(2)], [*xs], {*xs}, [0, *xs, 9, *ys, 10])
print(*xs, *ys, sep="-")
print(*[], "only")
tpl = (*xs, 5)
print(tpl, type(tpl).__name__)

print("-- unpacking errors")
for src in ([1, 2, 3], [1], "abcd", 5, [], None):
    try:
        a, b = src
        print("ok", a, b)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
for src in ([1], [], (1, 2)):
    try:
        a, b, *c = src
        print("ok", a, b, c)
    except ValueError as e:
        print("ValueError:", e)
try:
    a, b = {"x": 1, "y": 2, "z": 3}
except ValueError as e:
    print("ValueError:", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    t.append(4)
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(t[3])
except IndexError as e:
    print("IndexError:", e)
try:
    print(t + [4])
except TypeError as e:
    print("TypeError:", e)
print(hash(t) == hash((1, 2, 3)), t is t, tuple(t) is t, t[:] is t, sorted((3, 1, 2)), max(t), sum(t))
