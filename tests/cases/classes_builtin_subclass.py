# Subclassing builtin types.
class MyInt(int):
    def __new__(cls, v, tag="t"):
        self = super().__new__(cls, v)
        self.tag = tag
        return self
    def double(self):
        return MyInt(self * 2, self.tag + "2")
i = MyInt(21, "x")
print(i, repr(i), i + 1, type(i + 1).__name__, i.double(), i.double().tag, i == 21, hash(i) == hash(21), isinstance(i, int))
print(bool(MyInt(0)), [1, 2, 3][MyInt(1)], f"{i:05d}", str(i), int(i), type(int(i)).__name__, -i, abs(MyInt(-3)))

class Text(str):
    def shout(self):
        return self.upper() + "!"
t = Text("hi there")
print(t, repr(t), t.shout(), type(t.upper()).__name__, t + "x", type(t + "x").__name__, len(t), t[0], t.split(), t == "hi there", {t: 1}["hi there"])

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
    def __repr__(self):
        return f"Pair{tuple.__repr__(self)}"
p = Pair(1, 2)
print(p, p.first, p[1], len(p), p + (3,), type(p + (3,)).__name__, list(p), p == (1, 2), hash(p) == hash((1, 2)))
a, b = p
print(a, b, isinstance(p, tuple))

class Default(dict):
    def __missing__(self, key):
        self[key] = key * 2
        return key * 2
d = Default(a=1)
print(d["a"], d[5], d, len(d), type(d).__name__, d.get(7), 7 in d, dict(d))

class Loud(dict):
    def __setitem__(self, k, v):
        print("setitem", k)
        super().__setitem__(k, v * 10)
l = Loud()
l["x"] = 1
l.update(y=2)
print(l)

class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def __repr__(self):
        return "Stack" + list.__repr__(self)
s = Stack()
s.push(1).push(2)
print(s, len(s), s.pop(), s, s + [9], type(s + [9]).__name__, s * 2, isinstance(s, list), sorted(Stack([3, 1, 2])))

class F(float):
    pass
f = F(1.5)
print(f, f * 2, type(f * 2).__name__, repr(F(2.0)), round(f), F("3.25"))

class MyErr(ValueError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
try:
    raise MyErr("bad", 7)
except ValueError as e:
    print(e, repr(e), e.code, e.args, isinstance(e, MyErr))

class Fancy(Exception):
    pass
e = Fancy(1, 2)
e.extra = "x"
print(e, repr(e), e.args, e.extra, e.__dict__)

class S(set):
    pass
ss = S([1, 2])
print(ss, type(ss | {3}).__name__, len(ss), 1 in ss)

class B(bytes):
    pass
print(B(b"ab"), repr(B(b"ab")), B(b"ab") + b"c", len(B(b"xyz")))

class O(object):
    pass
o = O()
o.a = 1
print(vars(o), o.__dict__, O.__dict__["__module__"], type(O.__dict__["__weakref__"]).__name__, o.__weakref__)
