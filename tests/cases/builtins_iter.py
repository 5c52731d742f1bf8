# Iteration builtins: iter/next, map, filter, zip, enumerate, reversed,
# sorted, min/max/sum/any/all, the iterator protocol by hand.

it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "exhausted"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args, e.value)
s_it = iter("ab")
print(list(s_it), list(s_it), type(iter([])).__name__, type(iter("")).__name__, type(iter(range(3))).__name__)
d_it = iter({"x": 1, "y": 2})
print(next(d_it), list(d_it), type(iter({})).__name__, type(iter(())).__name__, type(iter(set())).__name__)
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)), counter)
it2 = iter([10, 20])
print(iter(it2) is it2, list(zip(it2, it2)))

print("-- map / filter")
print(list(map(str, [1, 2, 3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, (-1, -2))))
print(list(filter(None, [0, 1, "", "a", [], [0], None])), list(filter(lambda v: v % 2, range(10))))
m = map(len, ["a", "bb"])
print(next(m), list(m), list(m), type(m).__name__, type(filter(None, [])).__name__)
print(list(map(pow, [2, 3], [3, 2], [5, 5])), list(map(int, "123")))

print("-- zip / enumerate / reversed")
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(*[(1, "a"), (2, "b")])))
print(list(zip(range(3), range(3), strict=True)), dict(zip("abc", range(3))))
for args in (([1, 2], [1]), ([1], [1, 2])):
    try:
        list(zip(*args, strict=True))
    except ValueError as e:
        print("ValueError:", e)
print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate([], start=5)), type(enumerate([])).__name__)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(1, 10, 3))), list(reversed((1, 2))))
print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.items())), type(reversed([])).__name__)
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)

print("-- sorted / min / max / sum")
data = [5, 3, 8, 1, 9, 2]
print(sorted(data), sorted(data, reverse=True), sorted("hello"), sorted({3: 1, 1: 2}), sorted((2, 1)), data)
print(sorted(["b", "A", "c"], key=str.lower), sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([], key=len))
print(min(data), max(data), min("hello"), max([1, 5], [1, 6]), min(3, 1, 2), max(3, 1, 2, key=lambda v: -v))
print(min([], default="empty"), max([], default=None), min(["aa", "b", "ccc"], key=len), max({"a": 5, "b": 1}))
print(sum(data), sum([0.1] * 10), sum([[1], [2]], []), sum(range(5), start=100), sum([1.5, 2]), sum([True, True]))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "x", [0]]), all([1, 0]), any("a"), all(""))
print(any([x > 3 for x in [1, 5]]), all([x > 0 for x in data]))
for bad in (lambda: min(), lambda: max([]), lambda: min(1, 2, default=0), lambda: sum(["a"], ""),
            lambda: sorted([1], reversed=True)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

print("-- consuming iterators in different places")
def squares(n):
    return map(lambda v: v * v, range(n))
a, b, *c = squares(5)
print(a, b, c, [*squares(3)], {*squares(3)}, dict.fromkeys(squares(3)), tuple(squares(4)), max(squares(6)))
print(list(range(3)) + list(map(str, range(2))), "".join(map(chr, range(65, 70))), " ".join(sorted({"b", "a"})))
x_iter = iter(range(10))
for v in x_iter:
    if v == 3:
        break
print("resume after break:", list(x_iter))
print(len(list(zip(range(10 ** 9), "abc"))), list(enumerate(zip("xy", "zw"))))
