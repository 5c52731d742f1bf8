# Augmented assignment with every operator, on names, subscripts, attributes,
# slices; in-place semantics for mutable types.

x = 7
x += 3; print("+=", x)
x -= 4; print("-=", x)
x *= 5; print("*=", x)
x //= 4; print("//=", x)
x %= 4; print("%=", x)
x **= 10; print("**=", x)
x <<= 3; print("<<=", x)
x >>= 2; print(">>=", x)
x &= 0xF0; print("&=", x)
x |= 0x0F; print("|=", x)
x ^= 0xFF; print("^=", x)
x /= 8; print("/=", x)
f = 2.5
f += 1; f *= 3; f -= 0.5; f /= 2; f //= 1; f **= 2; f %= 7
print("float chain", f)
c = 1 + 1j
c *= 1j; c += 2; c /= 2; c **= 2
print("complex chain", c)
big = 1
for _ in range(5):
    big *= 2 ** 20
    big -= 1
print("big", big)
n = -17
n //= 5; print(n)
n = -17
n %= 5; print(n)
n = 1
n <<= 100; print(n)
n >>= 98; print(n)
n = -1
n &= 0xFFFF; print(n)
m = 6
try:
    m @= 2
except TypeError as e:
    print("TypeError:", e)
try:
    m = m @ 2
except TypeError as e:
    print("TypeError:", e)

print("-- sequences")
s = "ab"
s += "cd"; s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
lst *= 2
print(lst, alias, lst is alias)
tup = (1,)
talias = tup
tup += (2,)
print(tup, talias, tup is talias)
bs = b"x"
bs += b"y"; bs *= 3
print(bs)

print("-- sets and dicts")
st = {1, 2, 3}
salias = st
st |= {4}; st &= {1, 2, 4, 5}; st -= {1}; st ^= {2, 9}
print(st, salias is st)
fs = frozenset([1])
falias = fs
fs |= {2}
print(fs, falias, fs is falias)
d = {"a": 1}
dalias = d
d |= {"b": 2}
print(d, dalias is d)

print("-- subscripts, slices and attributes as targets")
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
grid = [[0] * 3 for _ in range(2)]
for i in range(2):
    for j in range(3):
        grid[i][j] += i * 3 + j
        grid[i][j] **= 2
print(grid)
arr = [10, 20, 30]
idx = 1
arr[idx] -= 5
arr[-1] //= 7
arr[0] %= 3
arr[idx + 1] <<= 2
print(arr)
arr[1:] += [99]
print(arr)
nested = {"k": [1, 2]}
nested["k"] += [3]
nested["k"][0] *= 100
print(nested)

def holder():
    pass

holder.total = 0
for v in range(5):
    holder.total += v
holder.total *= 10
print(holder.total)

calls = []
def key():
    calls.append("key evaluated")
    return "k"
dd = {"k": 1}
dd[key()] += 1
print(dd, calls)
try:
    t = (1, [2])
    t[1] += [3]
except TypeError as e:
    print("TypeError:", e, t)
try:
    und = undefined_aug
except NameError as e:
    print("NameError:", e)
def local_aug():
    try:
        q += 1
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(local_aug())
