# Conditions through jump_if: not-chains, conditional expressions,
# chained comparisons, boolean operators in loops and asserts.
if not not a:
    pass
if (a if b else c):
    pass
if not (a and b):
    pass
if a and (b or c) and not d:
    pass
while a < b < c and d:
    pass
assert not (a or b), (a, b)
x = [i for i in r if not i if i > 1 and i < 5]
y = a if b and c else d
z = not a == b
w = a is not None and b is None
def lam(d=lambda x: x * 2, *, k=[1, 2]):
    return d(k)
v = (yield_ := 1)
