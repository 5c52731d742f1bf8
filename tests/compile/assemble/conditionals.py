a = b = c = 0
if a and b or c:
    print("one")
elif not a:
    print("two")
elif a < b < c:
    print("three")
else:
    print("four")
x = a if b else c
y = a and b and c
z = a or b or c
w = (a and b) or (c and a)
if a is None:
    pass
if a is not None:
    a = 1
if None is a:
    a = 2
if not (a == b):
    a = 3
if a in (1, 2, 3):
    a = 4
if a not in [1, 2, 3]:
    a = 5
if not a in {1, 2, 3}:
    a = 6
v = not not a
u = not (a is b)
t = a != b and a > b or a <= c
if True:
    a = 7
if 0:
    a = 8
while 0:
    a = 9
assert a, "message"
assert b
if a:
    if b:
        if c:
            print(a)
s = (a if b else c) if (b if c else a) else (c if a else b)
