# if/elif/else, while, for, break, continue, else clauses.
if a:
    x = 1
elif b:
    x = 2
elif c:
    pass
else:
    x = 3
if a and b or c:
    pass
if not a:
    pass
if a < b < c:
    pass
while a:
    if b:
        break
    if c:
        continue
    a -= 1
else:
    done()
for i in range(10):
    if i:
        continue
    print(i)
else:
    print('done')
for a, (b, c) in items:
    pass
while True:
    break
for x in y:
    for z in x:
        break
    else:
        continue
x = a if b else c
assert a
assert a, 'msg'
assert (a, b)
