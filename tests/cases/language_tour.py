# The language issue's acceptance program: classes with inheritance,
# properties and dunders; generators with yield from; a coroutine driven by
# send; with blocks; match statements; a package with relative imports; and
# an exception chain that ends the program.
from imppkg import helper
from imppkg.sub import leaf


class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    @property
    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area:.2f})"

    def __lt__(self, other):
        return self.area < other.area

    def __add__(self, other):
        return self.area + other.area


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    @property
    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    @property
    def area(self):
        return 3.14159 * self.r ** 2


shapes = [Rect(2, 3), Square(2), Circle(1)]
print(sorted(shapes))
print(shapes[0] + shapes[1], Shape.count, isinstance(shapes[1], Rect))


def walk(items):
    for it in items:
        if isinstance(it, list):
            yield from walk(it)
        else:
            yield it


def numbered(items):
    n = yield from enumerate(walk(items))
    return n


print(list(walk([1, [2, [3, 4]], 5])), list(numbered(["a", ["b"]])))


class Tick:
    def __await__(self):
        return (yield "tick")


async def worker(n):
    total = 0
    for _ in range(n):
        total += await Tick()
    return total


coro = worker(3)
print(coro.send(None))
print(coro.send(10), coro.send(20))
try:
    coro.send(30)
except StopIteration as stop:
    print("worker returned", stop.value)


class Resource:
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        print("open", self.label)
        return self

    def __exit__(self, kind, value, tb):
        print("close", self.label, kind.__name__ if kind else None)
        return kind is KeyError


with Resource("a") as a, Resource("b"):
    print("using", a.label)
with Resource("c"):
    raise KeyError("suppressed")


def describe(obj):
    match obj:
        case Rect(w=w, h=h) if w == h:
            return f"square side {w}"
        case Rect(w=w, h=h):
            return f"rect {w}x{h}"
        case {"kind": "point", "at": (x, y)}:
            return f"point at {x},{y}"
        case [first, *rest]:
            return f"list starting {first} (+{len(rest)})"
        case int() | float() as n if n < 0:
            return "negative"
        case _:
            return "something else"


for thing in [Square(3), Rect(1, 2), {"kind": "point", "at": (1, 2)}, [9, 8, 7], -4, "x"]:
    print(describe(thing))

print(helper.double(leaf.VALUE))


class ConfigError(Exception):
    pass


def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad setting {text!r}") from e


def start():
    try:
        load("x1")
    except ConfigError:
        raise RuntimeError("cannot start")


start()
