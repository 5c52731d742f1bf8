# Comprehensions (inlined, PEP 709) and generator expressions.
a = [x for x in y]
b = {x for x in y if x}
c = {k: v for k, v in items}
d = (x for x in y)
e = [x * y for x in a for y in b if x if y]
f = [[y for y in x] for x in z]
g = [x for x in [1]]
h = {x: [y for y in x] for x in z}
def func(z):
    a = [x for x in z]
    b = [lambda: x for x in z]
    c = (x for x in z)
    x = 5
    d = [x for x in z]
    return x
class C:
    a = [x for x in y]
    b = [z for z in a]
n = [(w := i) for i in range(3)]
def walrus():
    [(w := i) for i in range(3)]
    return w
