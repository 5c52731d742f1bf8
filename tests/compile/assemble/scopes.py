import sys
global g
g = 1
x = 5
del x
nums = [1, 2, 3]
squares = [n * n for n in nums]
n = 10
again = [n for n in nums] + [n]
nested = [[i * j for j in nums] for i in nums]
total = sum(i for i in nums)
first = next((i for i in nums if i > 1), None)
d = {k: [v for v in range(k)] for k in nums}
s = {c for c in "hello" if c not in "aeiou"}
walrus = [y for x in nums if (y := x * 2) > 2]
print(y)
class C:
    z = [q for q in range(3)]
fns = [lambda i=i: i for i in range(3)]
try:
    import nonexistent
except ImportError as exc:
    del sys
finally:
    pass
for k in list(d):
    del d[k]
