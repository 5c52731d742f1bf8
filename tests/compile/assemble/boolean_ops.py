a = b = c = d = 1
while a and b:
    a -= 1
while a or b:
    b = 0
    a = 0
if a and True:
    pass
if 1 and a:
    pass
if not a or not b:
    pass
if (a or b) and (c or d):
    pass
if a and (b or (c and d)):
    pass
x = a and b or c and d
y = not a and not b
z = a is b or a is not c
while not (a or b):
    break
for i in range(3):
    if i and a or b:
        continue
    elif not i:
        break
e = [v for v in range(5) if v and a or not v]
f = (a or b) if (c and d) else (a and d)
if a == 1 or a == 2 or a == 3:
    pass
if a < b and c < d:
    pass
g = a == b == c
h = a if not b else c
