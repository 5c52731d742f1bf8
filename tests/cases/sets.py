# set and frozenset: printing order (CPython's hash table order under
# PYTHONHASHSEED=0), operators, methods, comprehensions.

s = {3, 1, 2}
print(s, len(s), 2 in s, 5 not in s, set(), frozenset(), {1, 1, 1}, set([5, 4, 5, 4]))
print({"apple", "banana", "cherry"}, {"a", "b", "c", "d", "e"}, set("mississippi"), frozenset("hello"))
print({10, 100, 1000, 7, 64, 33, 2 ** 40, -1, -2}, {0.5, 1.5, 2.0, -3.25}, {(1, 2), (2, 1), None, True})
print({i * 7 % 50 for i in range(20)}, {c for c in "abracadabra"}, {x % 3 for x in range(10)})

a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, a < a | b, a | b > b, a >= a, {1} < {1}, a == {4, 3, 2, 1})
print(a.union(b, [7]), a.intersection(b, {4}), a.difference(b, {1}), a.symmetric_difference(b))
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}), a.isdisjoint(b))
c = set(a)
c.add(10)
c.discard(1)
c.discard(99)
c.remove(2)
print(c, c.pop(), c)
c.update([20, 30], {40})
c |= {50}
c &= {3, 4, 10, 20, 30, 40, 50, 60}
c -= {10}
c ^= {4, 99}
print(c, sorted(c), len(c))
c.intersection_update({3, 20, 99})
c.difference_update({3})
c.symmetric_difference_update({1, 20})
print(c, c.copy(), c.copy() is c)
c.clear()
print(c, bool(c), bool({0}))

print("-- frozenset")
f = frozenset([3, 1, 2])
g = frozenset("ab")
print(f, g, f | {9}, type(f | {9}).__name__, type({9} | f).__name__, f & {1, 7}, f == {1, 2, 3})
print({f: "as key"}, {f, frozenset([1, 2, 3])}, hash(f) == hash(frozenset([1, 2, 3])), len({f, g}))
print(frozenset(), frozenset([frozenset()]), set([frozenset([1])]))

print("-- strings in sets (order depends on string hashes)")
words = "the quick brown fox jumps over the lazy dog".split()
ws = set(words)
print(ws)
print(sorted(ws), len(ws), [w for w in ws if len(w) == 5])
letters = set()
for w in words:
    letters |= set(w)
print(letters, len(letters))
print(set("abcdefghij") - set("aeiou"), set("hello") & set("world"), set("hello") ^ set("world"))

print("-- unpacking into sets")
xs = [1, 2]
ys = (2, 3)
print({*xs, *ys}, {*xs, 9, *"ab"}, {*range(3)}, {*()} == set())

print("-- removal while growing / shrinking")
big = set(range(100))
for i in range(0, 100, 3):
    big.discard(i)
print(len(big), sorted(big)[:10], big.__len__())
print(big)
grow = set()
for i in range(40):
    grow.add(i * 37 % 101)
print(grow)

print("-- errors")
for fn in (lambda: set().pop(), lambda: {1}.remove(2), lambda: {[1]}, lambda: {1} + {2},
           lambda: frozenset([1]).add):
    try:
        r = fn()
        print("ok", type(r).__name__)
    except (KeyError, TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
