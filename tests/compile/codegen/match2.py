# More patterns: or-patterns binding names, nested class and mapping
# patterns, guards, star positions, dotted values.
def f(x):
    match x:
        case [a, b] | [b, a, _]:
            return a, b
        case Point(x=px, y=[1, *rest]) if px > 0:
            return rest
        case {'a': {'b': inner}, **others}:
            return inner, others
        case {**everything}:
            return everything
        case [1, *middle, 9]:
            return middle
        case [*_, last]:
            return last
        case mod.Const | mod.sub.Other:
            return 0
        case (1 | 2 | 3) as small if (n := small) > 1:
            return n
        case str(s) | bytes(s):
            return s
        case Point(1, y=2) | Point(2, y=1):
            return None
        case _:
            return -1
def g(cmd):
    match cmd.split():
        case ['go', direction]:
            pass
        case ['drop', *objects]:
            pass
        case []:
            pass
