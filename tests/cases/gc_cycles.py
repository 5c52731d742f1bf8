# The cycle collector: cycles of every common kind are reclaimed, __del__
# runs once for collected objects (PEP 442), and the gc module's interface.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("del", self.name)


def pair(name):
    a = Node(name + ".a")
    b = Node(name + ".b")
    a.other = b
    b.other = a


print("-- two instances referring to each other")
pair("p1")
print("collected something:", gc.collect() > 0)
print("nothing left:", gc.collect())

print("-- an instance referring to itself through a list")
n = Node("selfref")
n.other = [n, {"again": n}]
del n
print("before collect")
gc.collect()
print("after collect")

print("-- a list containing itself")
lst = []
lst.append(lst)
del lst
print("collected:", gc.collect())

print("-- a dict containing itself")
d = {}
d["me"] = d
del d
print("collected:", gc.collect())


print("-- a frame caught in its own traceback")


def fails():
    keep = Node("frame-local")
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    return "returned"


print(fails())
print("before collect")
gc.collect()
print("after collect")

print("-- a closure that refers to itself")


def make_counter():
    witness = Node("closure")

    def count(n):
        witness.name
        return 0 if n == 0 else 1 + count(n - 1)

    return count(3)


print(make_counter())
gc.collect()

print("-- a suspended generator in a cycle is closed")


def gen(holder):
    try:
        yield 1
        yield 2
    finally:
        print("generator finally runs")


class Holder:
    pass


h = Holder()
h.g = gen(h)
print(next(h.g))
del h
gc.collect()
print("after collect")

print("-- resurrection: __del__ runs once")
saved = []


class Phoenix:
    def __del__(self):
        print("Phoenix.__del__")
        saved.append(self)


p = Phoenix()
p.me = p
del p
gc.collect()
print("resurrected:", len(saved), type(saved[0]).__name__)
print("finalized:", gc.is_finalized(saved[0]))
saved.clear()
gc.collect()
print("after second collect")

print("-- cycles through other containers")
for kind in ("tuple", "set", "frozenset", "bound method", "cell"):
    o = Node(kind)
    if kind == "tuple":
        o.other = (1, o)
    elif kind == "set":
        holder = Holder()
        holder.n = o
        o.other = {holder}
    elif kind == "frozenset":
        holder = Holder()
        holder.n = o
        o.other = frozenset([holder])
    elif kind == "bound method":
        o.other = o.__init__
    else:
        def f():
            return o
        o.other = f
    del o
    holder = None
    f = None
    gc.collect()

print("-- exceptions chained in a cycle")
try:
    try:
        raise ValueError("inner")
    except ValueError as inner:
        raise KeyError("outer") from inner
except KeyError as outer:
    e = outer
e.__cause__.__context__ = e
e.__cause__.witness = Node("exception")
del e
gc.collect()

print("-- automatic collection of a long churn")
freed = 0


class Churn:
    def __del__(self):
        global freed
        freed += 1


gc.collect()
for i in range(50000):
    c = Churn()
    c.me = c
print("collected automatically:", freed >= 45000)


class Quiet:
    pass


before = gc.get_count()[0]
for i in range(10000):
    q = Quiet()
    q.me = q
print("count stays under the threshold:", gc.get_count()[0] <= gc.get_threshold()[0])

print("-- the gc module")
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 5, 5)
print(gc.get_threshold())
gc.set_threshold(2000, 10, 10)
print(len(gc.get_count()), all(isinstance(c, int) for c in gc.get_count()))
print(gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(generation=2) >= 0)
print(gc.garbage)
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
print(gc.get_referents([1, "x", None]))
print(gc.get_referents((1, 2), [3]))
print(gc.get_referents(42))
for bad in [(3,), (-1,), ("x",), (1.5,), (2 ** 70,)]:
    try:
        gc.collect(*bad)
    except Exception as exc:
        print(type(exc).__name__, exc)
for bad in [(), (1, 2, 3, 4), ("x",)]:
    try:
        gc.set_threshold(*bad)
    except Exception as exc:
        print(type(exc).__name__, exc)
try:
    gc.enable(1)
except TypeError as exc:
    print(exc)
print("end")
