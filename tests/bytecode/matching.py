"""Structural pattern matching: every pattern kind and guard."""


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def describe(subject):
    match subject:
        case 0 | 1 | 2:
            return "small"
        case -1:
            return "minus one"
        case 1.5 | 2j | "text" | b"bytes":
            return "literal"
        case None | True | False:
            return "singleton"
        case [] | ():
            return "empty"
        case [first, *rest] if rest:
            return first, rest
        case [a, b, _]:
            return a, b
        case {"key": value, **others}:
            return value, others
        case {0: _, 1: _}:
            return "mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(px, py) as point:
            return point, px, py
        case int() | float() as number if number > 100:
            return "big"
        case str(s):
            return s
        case (1, 2) | [3, 4]:
            return "pair"
        case Point.__match_args__:
            return "value pattern"
        case _:
            return "other"


def capture(command):
    match command.split():
        case [action]:
            return action
        case [action, obj]:
            return action, obj
        case ["go", ("north" | "south") as direction, *_]:
            return direction
    return None


match describe(0):
    case "small":
        result = 1
    case other:
        result = other
