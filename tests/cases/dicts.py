# dict: insertion order, methods, views, merging, comprehensions, errors.

d = {"b": 2, "a": 1, "c": 3}
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, 2 in d, list(d), list(d.values()), list(d.items()))
d["d"] = 4
d["b"] = 20
print(d, d.keys(), d.values(), d.items())
print(d.pop("a"), d.pop("zz", "default"), d, d.setdefault("e", 5), d.setdefault("b", 0), d)
print(d.popitem(), d)
del d["c"]
print(d, {**d, "x": 1}, {"x": 1, **d}, {**d, **{"b": -1}})
d.update({"f": 6}, g=7)
d.update([("h", 8)])
d.update(i=9)
print(d)
e = d.copy()
e.clear()
print(e, d == d.copy(), d is d.copy(), dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}, z=0), dict(zip("ab", range(2))))

print("-- order after delete and reinsert")
o = {}
for k in "hello world":
    o[k] = o.get(k, 0) + 1
print(o)
del o["l"]
o["l"] = 0
print(o, list(o)[-1], next(iter(o)), list(reversed(o)), list(reversed(o.items()))[:2])

print("-- merging operators")
m1 = {"a": 1, "b": 2}
m2 = {"b": 3, "c": 4}
print(m1 | m2, m2 | m1)
m1 |= m2
print(m1)
m1 |= [("z", 26)]
print(m1)

print("-- views")
k = m1.keys()
v = m1.values()
it = m1.items()
m1["new"] = 0
print(k, v, it, len(k), "new" in k, ("a", 1) in it, ("a", 2) in it, 0 in v)
print(k & {"a", "zz"}, sorted(k | {"q"}), sorted(k - {"a"}), k ^ {"a", "q"} == {"b", "c", "z", "new", "q"})
print(k == {"a", "b", "c", "z", "new"}, list(m1.items())[1:3], sorted(m1.values()), k.isdisjoint({"zzz"}))

print("-- keys of mixed types, equality, nesting")
mixed = {1: "int", 1.5: "float", "1": "str", (1, 2): "tuple", None: "none", True: "bool?", frozenset([1]): "fs"}
print(mixed, mixed[1], mixed[1.0], len(mixed))
print({1: 1, 2: 2} == {2: 2, 1: 1}, {1: [1]} == {1: [1]}, {"a": 1} != {"a": 1.0})
nested = {"x": {"y": {"z": [1, 2, {"w": None}]}}}
print(nested["x"]["y"]["z"][2]["w"], nested)
rec = {"self": None}
rec["self"] = rec
print(rec)

print("-- comprehensions")
sq = {i: i * i for i in range(6)}
print(sq, {v: k for k, v in sq.items() if v % 2}, {c: ord(c) for c in "abc"}, {k: 0 for k in ()})
words = ["apple", "bob", "cat", "apple", "dog", "bob"]
count = {}
for w in words:
    count[w] = count.get(w, 0) + 1
print(count, max(count, key=count.get), sorted(count.items(), key=lambda kv: (-kv[1], kv[0])))
groups = {}
for w in words:
    groups.setdefault(len(w), []).append(w)
print(groups)

print("-- errors")
ro = {"a": 1}
for f in (lambda: ro["missing"], lambda: {}.popitem(), lambda: ro.pop("nope"), lambda: {[]: 1},
          lambda: ro[[1]], lambda: dict([1, 2]), lambda: dict([(1, 2, 3)])):
    try:
        f()
    except (KeyError, TypeError, ValueError) as ex:
        print(type(ex).__name__ + ":", ex, repr(ex))
try:
    for key in ro:
        ro["other"] = 1
except RuntimeError as ex:
    print("RuntimeError:", ex)
print(ro)
