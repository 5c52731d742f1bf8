# Attribute hooks, descriptors, slots, class-level features.
class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return f"computed {name}"
        raise AttributeError(f"no {name}")
l = Lazy()
print(l.real, l.xyz, getattr(l, "xa", None), getattr(l, "q", "default"), hasattr(l, "q"))

class Logged:
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
g = Logged()
g.a = 5
print(g.a, g.secret)
del g.a
print(hasattr(g, "a"))

class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)

class Rec:
    age = Typed(int)
    name = Typed(str)
r = Rec()
r.age = 3
r.name = "bob"
print(r.age, r.name, Rec.age.name, vars(r))
try:
    r.age = "x"
except TypeError as e:
    print("TypeError:", e)
del r.age

class P:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v):
        self._x = v
    @x.deleter
    def x(self):
        print("deleting x")
p = P()
p.x = 9
print(p.x, P.x.__doc__, type(P.x).__name__)
del p.x
class RO:
    @property
    def v(self):
        return 1
try:
    RO().v = 2
except AttributeError as e:
    print("AttributeError:", e)

class Slotted:
    __slots__ = ("a", "__b")
    def __init__(self):
        self.a = 1
        self.__b = 2
    def get_b(self):
        return self.__b
s = Slotted()
print(s.a, s.get_b(), Slotted.__slots__, type(Slotted.a).__name__, sorted([k for k in Slotted.__dict__ if not k.startswith("__")]))
try:
    s.c = 1
except AttributeError as e:
    print("AttributeError:", e)
del s.a
try:
    s.a
except AttributeError as e:
    print("AttributeError:", e)
try:
    class Bad:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError:", e)
try:
    class Bad2:
        __slots__ = (1,)
except TypeError as e:
    print("TypeError:", e)

class WithDictSlot:
    __slots__ = ("a", "__dict__")
w = WithDictSlot()
w.a = 1
w.z = 2
print(w.a, w.z, w.__dict__)

class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.registry.append(cls.__name__)
class K1(Base, tag="one"):
    pass
class K2(K1):
    pass
print(Base.registry, K1.tag, K2.tag)

class G:
    def __class_getitem__(cls, item):
        return f"G[{item}]"
print(G[int], G["x"])

class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 42}
    def __new__(mcs, name, bases, ns, **kw):
        ns["made_by"] = "Meta"
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class UsesMeta(metaclass=Meta, flag=True):
    pass
print(UsesMeta.injected, UsesMeta.made_by, type(UsesMeta).__name__)

class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print([k.__name__ for k in D.__mro__], D.mro() == list(D.__mro__))
try:
    class X(A, B): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Y(A, A): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Z(bool): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Q(int, str): pass
except TypeError as e:
    print("TypeError:", e)

class Chain(B, C):
    def who(self):
        return "Chain>" + super().who()
class Bw(A):
    def who(self): return "B>" + super().who()
class Cw(A):
    def who(self): return "C>" + super().who()
class Aw:
    def who(self): return "A"
class Dw(Bw, Cw): pass
A.who = lambda self: "Aroot"
print(Dw().who(), super(Bw, Dw()).who())

class Dyn:
    pass
Dyn.__repr__ = lambda self: "<Dyn!>"
Dyn.__len__ = lambda self: 5
print(repr(Dyn()), len(Dyn()))
del Dyn.__len__
try:
    len(Dyn())
except TypeError as e:
    print("TypeError:", e)

class Meta2(type):
    def __instancecheck__(cls, inst):
        return inst == "magic"
    def __subclasscheck__(cls, sub):
        return sub is int
class Magic(metaclass=Meta2): pass
print(isinstance("magic", Magic), isinstance(1, Magic), issubclass(int, Magic), issubclass(str, Magic))

T = type("T", (object,), {"f": lambda self: "tf", "__doc__": "T doc"})
print(T().f(), T.__doc__, T.__name__, T.__module__, T.__qualname__)
T.__name__ = "Renamed"
print(T, T.__name__)
class Outer:
    class Inner:
        def m(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__, repr(Outer.Inner)[:40])
print(sorted(set(dir(Rec())) - set(dir(object))))
print(Rec.__dict__["age"].__class__.__name__, "age" in Rec.__dict__, type(Rec.__dict__).__name__)
print(A.__subclasses__(), object.__subclasses__ is not None)
