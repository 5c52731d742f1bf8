# Starred targets and nested unpacking in for and with.
for a, *b in c:
    pass
for [a, b] in c:
    pass
with x as (a, *b):
    pass
a, b, *c, d = range(10)
first, *_ = x
((a, b), c) = d
x = [*a, *b]
x = {*a}
y = [x for (a, b) in c]
