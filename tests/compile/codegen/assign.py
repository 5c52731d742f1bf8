# Assignment forms.
a = 1
a = b = c = 2
a, b = b, a
[a, b] = c
a, *b = c
*a, b, c = d
(a, (b, c)) = d
x.y = 1
x[0] = 1
x[1:2] = y
a += 1
x.y -= 2
x[i] *= 3
x[1:2] |= y
del a
del a, b
del x.y, x[0], x[1:2]
del (a, b), [c]
a: int = 1
x.y: int = 2
x[0]: int
b: str
(c): int = 3
