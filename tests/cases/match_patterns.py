# match statements: every pattern kind, guards, and the subjects each
# structural pattern accepts.


def literal(x):
    match x:
        case 0:
            return "zero"
        case 1.5:
            return "one and a half"
        case -2:
            return "minus two"
        case 1 + 2j:
            return "complex"
        case "s":
            return "string s"
        case b"b":
            return "bytes b"
        case True:
            return "True"
        case None:
            return "None"
        case _:
            return "other"


for x in (0, 0.0, False, 1.5, -2, 1 + 2j, "s", b"b", True, 1, None, [], "0"):
    print("literal", repr(x), "->", literal(x))


class Color:
    RED = "red"
    GREEN = "green"


def value(x):
    match x:
        case Color.RED:
            return "is red"
        case Color.GREEN:
            return "is green"
        case other:
            return f"captured {other!r}"


for x in ("red", "green", "blue"):
    print("value", x, "->", value(x))


def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a!r}"
        case [a, b]:
            return f"two {a!r} {b!r}"
        case [1, *rest]:
            return f"starts with 1, rest {rest!r}"
        case (first, *middle, last):
            return f"first {first!r} middle {middle!r} last {last!r}"


for x in ([], (), [5], (5,), [1, 2], (1, 2, 3, 4), [9, 8, 7], range(3), "ab", b"ab",
          bytearray(b"xy"), {1: 2}, 7):
    print("seq", repr(x), "->", seq(x))


def star_wild(x):
    match x:
        case [*_, 0]:
            return "ends in zero"
        case [_, _, *_]:
            return "at least two"
        case [*_]:
            return "any sequence"


for x in ([0], [1, 0], [1, 2], [3], []):
    print("star_wild", x, "->", star_wild(x))


def nested(x):
    match x:
        case [(a, b), [c, [d]]]:
            return ("nested", a, b, c, d)
        case [[*inner], *outer]:
            return ("lists", inner, outer)
        case _:
            return "no"


for x in ([(1, 2), [3, [4]]], [[1, 2], 3, 4], [(1, 2), [3, 4]], [1]):
    print("nested", x, "->", nested(x))


def mapping(x):
    match x:
        case {"kind": "point", "x": px, "y": py}:
            return f"point {px},{py}"
        case {"kind": "empty", **rest} if not rest:
            return "empty and nothing else"
        case {"kind": k, **rest}:
            return f"kind {k} rest {sorted(rest.items())}"
        case {1: one, Color.RED: r}:
            return f"int and value keys {one} {r}"
        case {}:
            return "some mapping"


class Missing(dict):
    def __missing__(self, key):
        return "from __missing__"


for x in ({"kind": "point", "x": 1, "y": 2, "z": 3}, {"kind": "empty"},
          {"kind": "empty", "junk": 1}, {"kind": "box", "w": 1, "h": 2},
          {1: "a", "red": "b"}, {}, {"x": 1}, [("kind", 1)], Missing(),
          Missing(kind="m"), None):
    print("mapping", repr(x), "->", mapping(x))

print("mappingproxy", mapping(type("T", (), {"kind": "proxy"}).__dict__)[:10])


def alt(x):
    match x:
        case 1 | 2 | 3:
            return "small"
        case [1, _] | [_, 1]:
            return "has a 1"
        case (0, y) | (y, 0):
            return f"zero and {y}"
        case str() | bytes():
            return "text"
        case _:
            return "other"


for x in (2, [1, 9], [9, 1], (0, 5), (6, 0), "s", b"b", 4.5):
    print("alt", repr(x), "->", alt(x))


def as_pat(x):
    match x:
        case [1, 2] as whole:
            return f"whole {whole!r}"
        case (int() | float()) as num:
            return f"number {num!r}"
        case [(a, b) as pair, *_]:
            return f"pair {pair!r} {a} {b}"
        case str(s) as t:
            return f"str {s!r} {t is s}"


for x in ([1, 2], 3, 2.5, [(7, 8), 9], "q", None):
    print("as", repr(x), "->", as_pat(x))


def guard(x):
    match x:
        case int(n) if n < 0:
            return "negative"
        case int(n) if n % 2 == 0:
            return "even"
        case int():
            return "odd"
        case [a, b] if a == b:
            return "pair of equals"
        case [a, b]:
            return f"pair {a} {b}"


for x in (-3, 4, 5, [2, 2], [2, 3], "x"):
    print("guard", repr(x), "->", guard(x))

# a capture made before a failing guard stays bound
match 10:
    case n if n > 100:
        print("never")
    case _:
        print("n after failed guard:", n)

calls = []


def side(v):
    calls.append(v)
    return v


match [1, 2]:
    case [a, b] if side(a) and side(b) > 5:
        print("never")
    case [a, b] if side(a + b):
        print("guards evaluated:", calls)


def builtin_self(x):
    match x:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b) | bytearray(b):
            return f"bytes-like {b!r}"
        case list(l) | tuple(l):
            return f"sequence {l!r}"
        case dict(d):
            return f"dict {d!r}"
        case set(s) | frozenset(s):
            return f"set {sorted(s)!r}"
        case _:
            return "other"


class MyInt(int):
    pass


for x in (True, 3, MyInt(7), 2.5, "x", b"y", bytearray(b"z"), [1], (2,), {3: 4}, {5},
          frozenset({6}), None, 1j):
    print("builtin", repr(x), "->", builtin_self(x))
