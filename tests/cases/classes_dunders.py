# Operator dunders, reflected and in-place forms, NotImplemented fallback.
class N:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"N({self.v})"
    def __add__(self, o):
        if isinstance(o, N):
            return N(self.v + o.v)
        if isinstance(o, int):
            return N(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        return N(o + self.v) if isinstance(o, int) else NotImplemented
    def __sub__(self, o):
        return N(self.v - (o.v if isinstance(o, N) else o))
    def __rsub__(self, o):
        return N(o - self.v)
    def __mul__(self, o):
        return N(self.v * o)
    __rmul__ = __mul__
    def __truediv__(self, o):
        return N(self.v / o)
    def __floordiv__(self, o):
        return N(self.v // o)
    def __mod__(self, o):
        return N(self.v % o)
    def __pow__(self, o, m=None):
        return N(pow(self.v, o, m))
    def __rpow__(self, o):
        return N(o ** self.v)
    def __lshift__(self, o): return N(self.v << o)
    def __rshift__(self, o): return N(self.v >> o)
    def __and__(self, o): return N(self.v & o)
    def __or__(self, o): return N(self.v | o)
    def __xor__(self, o): return N(self.v ^ o)
    def __matmul__(self, o): return N(self.v * 100 + o)
    def __divmod__(self, o): return (N(self.v // o), N(self.v % o))
    def __rdivmod__(self, o): return ("r", o, self.v)
    def __neg__(self): return N(-self.v)
    def __pos__(self): return N(+self.v)
    def __abs__(self): return N(abs(self.v))
    def __invert__(self): return N(~self.v)
    def __index__(self): return self.v
    def __int__(self): return self.v
    def __float__(self): return float(self.v)
    def __iadd__(self, o):
        self.v += o
        return self
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __eq__(self, o): return isinstance(o, N) and self.v == o.v
    def __hash__(self): return hash(self.v)
    def __bool__(self): return self.v != 0
    def __format__(self, spec): return f"<{self.v:{spec}}>"

a, b = N(7), N(3)
print(a + b, a + 1, 1 + a, a - b, 10 - a, a * 2, 2 * a, a / 2, a // 2, a % 4)
print(a ** 2, 2 ** a, pow(a, 2, 5), a << 1, a >> 1, a & 3, a | 8, a ^ 1, a @ 5)
print(divmod(a, 2), divmod(2, a), -a, +a, abs(N(-4)), ~a, int(a), float(a))
print([10, 20, 30, 40][N(2)], hex(N(255)), bin(N(5)), "abc"[N(1)])
c = a
c += 5
print(c, c is a, a)
print(a < b, a <= b, a > b, a >= b, a == N(12), a != N(12), sorted([N(3), N(1), N(2)]))
print(bool(N(0)), bool(N(1)), not N(0), {N(1): "x"}[N(1)], f"{a:5}", format(a, "x"))
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" + a
except TypeError as e:
    print("TypeError:", e)
try:
    N(1) < 3
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)

class Sub(N):
    def __radd__(self, o):
        return "Sub.__radd__"
print(N(1) + Sub(2), Sub(2) + N(1))

class Seq:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
    def __setitem__(self, i, v): self.items[i] = v
    def __delitem__(self, i): del self.items[i]
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(self.items)
    def __reversed__(self): return iter(self.items[::-1])
s = Seq(1, 2, 3, 4)
s[0] = 10
del s[1]
print(len(s), s[0], s[1:], 3 in s, 9 in s, list(s), list(reversed(s)), bool(Seq()), bool(s))

class OnlyGetitem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * i
print(list(OnlyGetitem()), 4 in OnlyGetitem(), [x for x in OnlyGetitem()])

class Counter:
    def __init__(self, n): self.n, self.i = n, 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Counter(3)), sum(Counter(4)), max(Counter(5)))

class Call:
    def __call__(self, *args, **kw):
        return args, sorted(kw.items())
print(Call()(1, 2, x=3), callable(Call()), callable(Call))

class NoHash:
    def __eq__(self, o): return True
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
print(NoHash.__hash__)

class Str:
    def __str__(self): return "as str"
    def __repr__(self): return "as repr"
x = Str()
print(x, str(x), repr(x), [x], f"{x}", f"{x!r}", "%s %r" % (x, x))

class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class BadRepr:
    def __repr__(self): return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class BadInit:
    def __init__(self): return 5
try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)
