command = ("go", "north")
match command:
    case ("go", direction):
        print(direction)
    case ("look",):
        print("look")
    case ["take", *items]:
        print(items)
    case {"x": x, "y": y, **rest}:
        print(x, y, rest)
    case str() | bytes():
        pass
    case int(n) if n > 5:
        print(n)
    case Point(x=0, y=0):
        pass
    case 1 | 2 | 3:
        pass
    case None:
        pass
    case True:
        pass
    case -1.5:
        pass
    case 1 + 2j:
        pass
    case [1, [2, 3], *_]:
        pass
    case {"k": [a, b]}:
        pass
    case (p, q) as pair:
        print(pair)
    case _:
        print("default")
match 5:
    case x:
        print(x)
match command:
    case [a, b, c, d]:
        pass
    case other:
        pass
