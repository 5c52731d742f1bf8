total = 0
for i in range(10):
    if i % 2:
        continue
    if i > 7:
        break
    total += i
else:
    print("done")
n = 10
while n > 0:
    n -= 1
    if n == 5:
        break
else:
    print("no break")
while True:
    n += 1
    if n > 3:
        break
for a, b in [(1, 2), (3, 4)]:
    print(a, b)
for x in (1, 2, 3):
    for y in [4, 5, 6]:
        if x == y:
            break
        print(x * y)
for ch in "abc":
    pass
while n:
    n -= 1
for k in {1, 2, 3}:
    print(k)
for q in [n, total]:
    print(q)
i = 0
while i < 10:
    i += 1
    if i == 3:
        continue
    print(i)
