import sys
for value in [1, "a", (1, 2), [3, 4, 5], {"k": 1}, None, 2.5]:
    match value:
        case 0 | 1 if value:
            print("small")
        case str(s) if len(s) > 3:
            print("long", s)
        case str():
            print("str")
        case (a, b):
            print(a, b)
        case [first, *rest] if rest:
            print(first, rest)
        case {"k": v, **kw}:
            print(v, kw)
        case None:
            break
        case float(f) | int(f):
            continue
        case sys.maxsize:
            pass
        case _:
            pass
match sys.argv:
    case [_, "x", *args] if args:
        pass
    case [_, ("a" | "b") as mode]:
        print(mode)
    case [_, {"opt": (1 | 2) as level}]:
        print(level)
    case []:
        pass
