# List/set/dict comprehensions (inlined in 3.12+): nesting, conditions,
# walrus, scoping of the loop variable, closures over comprehension vars.

print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print([c.upper() for word in ["ab", "cd"] for c in word if c != "c"])
print({x % 5 for x in range(20)}, {w: len(w) for w in ["one", "three", "five"]})
print({(i, j): i * j for i in range(2) for j in range(2)}, [i if i % 2 else -i for i in range(6)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(len(row)) if i == 1], [[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row], sum([v for row in matrix for v in row if v % 2]))

print("-- walrus")
data = [3, 8, 1, 9, 4]
print([y for x in data if (y := x * 2) > 6], y)
total = 0
print([total := total + v for v in data], total)
if (n := len(data)) > 3:
    print("long list", n)
values = []
while (v := len(values)) < 4:
    values.append(v * v)
print(values, v)
print([(m := i) for i in range(3)], m)
print({k: (last := k * 2) for k in range(3)}, last)

print("-- scoping")
x = "outer"
lst = [x for x in "abc"]
print(lst, x)
i = 100
print([i for i in range(3)], i, [i * 2 for _ in range(2)])
def in_function():
    z = 5
    a = [z * k for k in range(3)]
    k = "local k"
    b = [k for k in range(2)]
    return a, b, k, [lambda: k for k in range(3)][0](), [(lambda: q)() for q in range(2)]
print(in_function())
def shadows_param(k):
    return [k for k in range(k)], k
print(shadows_param(3))

print("-- comprehensions with calls and unpacking")
pairs = [("a", 1), ("b", 2), ("c", 3)]
print([k * v for k, v in pairs], {v: k for k, v in pairs}, [f"{k}{v}" for k, v in pairs if v != 2])
print([(a, rest) for a, *rest in [(1, 2, 3), (4,)]], [len(s) for s in map(str, [1, 22, 333])])
print(sorted([abs(v) for v in (-3, 2, -1)]), [x for x in [] if x], {x for x in ()}, {x: x for x in []})
print([[y for y in range(x)] for x in range(4)], [x for x in range(3) for x in "ab"])
nested = [[1, [2, 3]], [4, [5, 6]]]
print([b for a, (b, c) in nested], [[x] * x for x in range(1, 4)])
print([str(e) for e in (ZeroDivisionError("z"), KeyError("k"))])
try:
    print([1 / x for x in (1, 0)])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print([undefined_name for _ in range(1)])
except NameError as e:
    print("NameError:", e)
