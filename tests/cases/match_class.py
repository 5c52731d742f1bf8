# class patterns: __match_args__, keyword sub-patterns, inheritance, and the
# errors CPython raises for malformed ones.


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Plain:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point3(x, y, z=z) if z > 0:
            return f"above at {x},{y},{z}"
        case Point(x, y=yy):
            return f"somewhere {x},{yy}"
        case Plain(a=1, b=b):
            return f"plain with b={b}"
        case Plain(a=a):
            return f"plain with a={a}"
        case Plain():
            return "plain"
        case object(real=r, imag=i):
            return f"has real {r} and imag {i}"
        case _:
            return "nothing"


for p in (Point3(0, 0, 0), Point(0, 0), Point(0, 5), Point(3, 0), Point3(1, 2, 3),
          Point3(1, 2, -3), Point(7, 8), Plain(a=1, b=2), Plain(a=3), Plain(c=4),
          Plain(), 5, 2.5, "str"):
    print(type(p).__name__, "->", where(p))


# __match_args__ resolved through inheritance and as a property-free attr
class Base:
    __match_args__ = ("a",)

    def __init__(self):
        self.a = "A"
        self.b = "B"


class Child(Base):
    pass


match Child():
    case Base(a, b=b):
        print("inherited match_args:", a, b)


# attributes come from getattr: properties and __getattr__ count
class Dyn:
    __match_args__ = ("computed", "fallback")

    @property
    def computed(self):
        return "prop"

    def __getattr__(self, name):
        if name == "fallback":
            return "dynamic"
        raise AttributeError(name)


match Dyn():
    case Dyn(c, f):
        print("dynamic attrs:", c, f)

# a missing attribute is just a failed match
match Dyn():
    case Dyn(nope=1):
        print("never")
    case _:
        print("missing attribute: no match")

# __match_args__ may be empty
class Empty:
    __match_args__ = ()


match Empty():
    case Empty():
        print("empty match_args ok")


# isinstance protocol: __instancecheck__ on the metaclass
class Meta(type):
    def __instancecheck__(cls, inst):
        return inst == "magic"


class Magic(metaclass=Meta):
    pass


for s in ("magic", "plain"):
    match s:
        case Magic():
            print(s, "is a Magic")
        case _:
            print(s, "is not a Magic")


# errors
def attempt(title, f):
    try:
        print(title, f())
    except (TypeError, ValueError) as e:
        print(title, type(e).__name__ + ":", e)


not_a_class = len


def m_not_class():
    match 1:
        case not_a_class():
            return "never"


attempt("not a class:", m_not_class)


def m_too_many():
    match Point(1, 2):
        case Point(a, b, c):
            return "never"


attempt("too many:", m_too_many)


def m_too_many_self():
    match 3:
        case int(a, b):
            return "never"


attempt("too many self:", m_too_many_self)


def m_no_match_args():
    match Plain(a=1):
        case Plain(a):
            return "never"


attempt("no match_args:", m_no_match_args)


class BadArgs:
    __match_args__ = ["x"]


def m_list_args():
    match BadArgs():
        case BadArgs(x):
            return "never"


attempt("list match_args:", m_list_args)


class BadName:
    __match_args__ = (1,)


def m_bad_name():
    match BadName():
        case BadName(x):
            return "never"


attempt("non-str match_args:", m_bad_name)


def m_duplicate():
    match Point(1, 2):
        case Point(x, x=y):
            return "never"


attempt("duplicate attr:", m_duplicate)


def m_not_instance_ok():
    match "s":
        case Point(a, b, c, d):
            return "never"
        case _:
            return "not an instance: no check of the count"


attempt("not instance:", m_not_instance_ok)


class Wrong:
    __match_args__ = ("a", "b")


def m_two_of_one():
    match Wrong():
        case Wrong(a, b, c):
            return "never"


attempt("two accepted:", m_two_of_one)


def m_dup_key():
    match {"a": 1, "b": 2}:
        case {"a": 1, Color.A: 2}:
            return "never"


class Color:
    A = "a"


attempt("duplicate key:", m_dup_key)


class Raising:
    @property
    def boom(self):
        raise ValueError("attribute raised")


def m_raising():
    match Raising():
        case Raising(boom=1):
            return "never"


attempt("attribute raises:", m_raising)


class BadGet(dict):
    def get(self, key, default=None):
        raise ValueError("get raised")


def m_bad_get():
    match BadGet(a=1):
        case {"a": 1}:
            return "never"


attempt("get raises:", m_bad_get)


class GetOverride(dict):
    def get(self, key, default=None):
        return "overridden" if key == "a" else default


match GetOverride():
    case {"a": v}:
        print("mapping uses get:", v)


class BadLen(list):
    def __len__(self):
        raise ValueError("len raised")


def m_bad_len():
    match BadLen():
        case [a]:
            return "never"


attempt("len raises:", m_bad_len)
