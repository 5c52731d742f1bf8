# list: construction, methods, operators, nesting, identity, recursive repr.

a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a), a[0], a[-1], a[2:5], a.count(1), a.index(4), a.index(1, 2), 9 in a, 7 not in a)
a.append(5)
a.extend([3, 5])
a.extend(range(2))
a.extend("ab")
a.insert(0, 100)
a.insert(-1, 200)
a.insert(1000, 300)
a.insert(-1000, -300)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.pop(3), a)
a.remove(1)
a.remove("a")
print(a)
a.reverse()
print(a)
b = [x for x in a if isinstance(x, int)]
b.sort()
print(b)
b.sort(reverse=True)
print(b)
c = b.copy()
c.clear()
print(b, c, b is c, b == b.copy(), b is b)

print("-- operators")
x = [1, 2]
y = x
x += [3]
print(x, y, x is y)
x = x + [4]
print(x, y, x is y)
x *= 2
print(x, [0] * 5, [[]] * 3, 3 * [1, 2], [] * 10, [1] * -1)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [0], [1, 2] != [2, 1])
print(list(), list("abc"), list(range(3)), list((1, 2)), list({"k": 1}), list({3: 0}.values()))
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
alias = [[0] * 3] * 3
alias[1][1] = 5
print(grid, alias)

print("-- sorting")
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs)
print(nums, sorted(nums, key=lambda v: (v % 2, v)), max(nums, key=abs), min(nums, key=lambda v: v * v))
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError:", e)

print("-- recursive and nested")
r = [1, 2]
r.append(r)
print(r, len(r), r[2][2][0])
nested = [1, [2, [3, [4, [5]]]]]
print(nested, nested[1][1][1][1][0], str(nested) == repr(nested))
print([None, True, 1.5, "s", (1,), {1}, {"k": [1]}, [], ()])

print("-- errors")
one = [1]
key_s, key_f = "a", 1.5
for f in (lambda: [].pop(), lambda: [1].pop(5), lambda: [1, 2].index(3), lambda: [].remove(0),
          lambda: one[2], lambda: one[key_s], lambda: one[key_f]):
    try:
        f()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

print("-- del and identity")
z = list(range(10))
del z[0]
del z[-1]
del z[2:4]
del z[::2]
print(z)
e1 = []
e2 = []
print(e1 == e2, e1 is e2, e1 is not e2, [] == [], bool([]), bool([0]))
print(a.__len__(), a.__getitem__(0), [1, 2].__contains__(2), list.__name__, type([]).__name__)
