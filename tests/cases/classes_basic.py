# Classes: methods, properties, static and class methods, inheritance with
# super(), __eq__ without __hash__, __slots__, list and exception subclasses,
# metaclass __call__, three-argument type().
class A:
    """doc of A"""
    x = 1
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v + self.x
    def __repr__(self):
        return f"A({self.v!r})"
    @property
    def double(self):
        return self.v * 2
    @staticmethod
    def s(a, b):
        return a + b
    @classmethod
    def c(cls, n):
        return cls(n)

a = A(5)
print(a, a.get(), a.double, A.s(1, 2), A.c(3), A.__doc__, A.__name__, A.__qualname__, A.__module__)
print(type(a), type(A), isinstance(a, A), A.__mro__, A.__bases__)

class B(A):
    def get(self):
        return super().get() * 10
    def __eq__(self, other):
        return isinstance(other, B) and self.v == other.v
b = B(2)
print(b.get(), b == B(2), b != B(3), B.__hash__, a.__dict__, b.__dict__)
try:
    hash(b)
except TypeError as e:
    print("TypeError:", e)

class V:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __len__(self):
        return 2
    def __iter__(self):
        yield_list = [self.x, self.y]
        return iter(yield_list)
    def __getitem__(self, i):
        return (self.x, self.y)[i]
v = V(1, 2) + V(3, 4)
print(v.x, v.y, len(v), list(v), v[1], bool(v), 3 in v)
try:
    v.z = 1
except AttributeError as e:
    print("AttributeError:", e)

class L(list):
    def total(self):
        return sum(self)
l = L([1, 2, 3])
l.append(4)
print(l, l.total(), type(l).__name__, len(l), l[1:], isinstance(l, list))

class E(Exception):
    pass
try:
    raise E("boom")
except E as e:
    print(repr(e), e.args, type(e).__mro__)

class M(type):
    def __call__(cls, *a):
        print("M.__call__", cls.__name__, a)
        return super().__call__(*a)
class W(metaclass=M):
    def __init__(self, q):
        self.q = q
w = W(7)
print(w.q, type(W))
print(type("T", (A,), {"z": 9})(1).z)
