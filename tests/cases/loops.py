# for/while loops with else, break, continue, nesting, ranges, iteration
# over the builtin containers.

for i in range(3):
    print("for", i)
else:
    print("for-else runs (no break)")

for i in range(10):
    if i == 4:
        print("break at", i)
        break
else:
    print("not printed")

for i in []:
    print("never")
else:
    print("else on empty loop")

n = 0
while n < 5:
    n += 1
    if n % 2:
        continue
    print("while even", n)
else:
    print("while-else, n =", n)

n = 10
while True:
    n -= 3
    if n < 0:
        break
print("after while True", n)

while n > 100:
    pass
else:
    print("while-else with false condition")

print("-- nested with break/continue and else")
found = []
for a in range(2, 30):
    for b in range(2, a):
        if a % b == 0:
            break
    else:
        found.append(a)
print("primes", found)
for x in range(3):
    for y in range(3):
        if y == x:
            continue
        if y > x:
            break
        print("pair", x, y)
count = 0
for i in range(5):
    j = 0
    while j < i:
        j += 1
        if (i + j) % 3 == 0:
            continue
        count += i * j
print("count", count)

print("-- ranges")
print(list(range(5)), list(range(2, 8)), list(range(0, 10, 3)), list(range(10, 0, -2)), list(range(5, 5)),
      list(range(-3, 3)), list(range(3, -3, -1)), list(range(0, -10, -4)))
r = range(1, 20, 3)
print(r, len(r), r[2], r[-1], r[1:3], r[::-1], 7 in r, 8 in r, r.index(10), r.count(4), r.start, r.stop, r.step)
print(range(0), bool(range(0)), range(3) == range(0, 3, 1), range(0) == range(5, 5), list(reversed(range(4))))
print(range(0, 10 ** 20, 7)[-1], range(10 ** 20)[-1], sum(range(1000)), 10 ** 19 in range(10 ** 20))
try:
    print(len(range(0, 10 ** 20, 7)))
except OverflowError as e:
    print("OverflowError:", e)
for bad in (lambda: range(0, 10, 0), lambda: range(1.5), lambda: r.index(2), lambda: r[100]):
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)

print("-- iterating containers")
for ch in "hey":
    print(ch, end=" ")
print()
for k in {"x": 1, "y": 2}:
    print(k, end=" ")
for k, v in {"x": 1, "y": 2}.items():
    print(k, v, end="; ")
print()
for item in (1, "two", 3.0, None):
    print(repr(item), end=",")
print()
for i, (a, b) in enumerate(zip("abc", [1, 2, 3]), start=1):
    print(i, a, b, end=" | ")
print()
for b in b"AZ":
    print(b, end=" ")
print()
lst = [1, 2, 3]
for v in lst:
    if v == 2:
        lst.append(4)
    print("seen", v)
print(lst)

print("-- loop variable after loop")
for last in range(4):
    pass
print(last)
for q in range(0):
    pass
try:
    print(q)
except NameError as e:
    print("NameError:", e)
total = 0
for i in range(100):
    if i % 7 == 0:
        continue
    if i > 50:
        break
    total += i
print(total, i)
