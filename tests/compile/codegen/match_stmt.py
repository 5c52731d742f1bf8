# match with every pattern kind.
match x:
    case 1:
        pass
    case -1 | 2 | 3.5 | 1+2j:
        pass
    case 'a' | b'b':
        pass
    case None:
        pass
    case True | False:
        pass
    case [a, b]:
        pass
    case [a, *rest]:
        pass
    case [_, *_, last]:
        pass
    case (a, b, c):
        pass
    case [*_]:
        pass
    case {'k': v, **rest}:
        pass
    case {1: _, 'x': y}:
        pass
    case {}:
        pass
    case Point(x=0, y=yy):
        pass
    case Point(1, 2):
        pass
    case str() as s:
        pass
    case Color.RED:
        pass
    case [a, b] if a > b:
        pass
    case (1 | 2) as n:
        pass
    case [(1 | 2) as a, (3 | 4) as b]:
        pass
    case _:
        pass
match y:
    case z:
        pass
match w:
    case _ if w:
        pass
    case _:
        pass
