# Workload: list, dict, set and tuple heavy code (appends, comprehensions,
# sorting with keys, dict counting and merging, set algebra, slicing,
# unpacking). `containers.pyc N`: N scales the work. Prints a checksum
# python3.14 agrees with (no output depends on string hashing).
import sys


def lists(n):
    xs = []
    for i in range(n):
        xs.append((i * 7919) % 1009)
    ys = sorted(xs)
    zs = [x * 2 for x in ys if x % 3]
    zs.reverse()
    mid = zs[len(zs) // 4: len(zs) // 2]
    pairs = sorted([(x % 17, -x) for x in xs[:500]], key=lambda p: (p[0], p[1]))
    xs.extend(mid)
    xs.insert(0, 42)
    xs.pop()
    return sum(mid) + len(xs) + pairs[0][1] + xs.index(42) + xs.count(0)


def dicts(n):
    counts = {}
    for i in range(n):
        k = (i * 31) % 257
        counts[k] = counts.get(k, 0) + 1
    inverted = {}
    for k, v in counts.items():
        inverted.setdefault(v, []).append(k)
    names = {f"key{i}": i for i in range(200)}
    total = 0
    for i in range(n):
        total += names.get(f"key{i % 300}", -1)
    merged = dict(counts)
    merged.update({k: -v for k, v in counts.items() if k % 2})
    keys = sorted(merged)
    return total + sum(merged.values()) + len(inverted) + keys[-1] + len(names)


def sets(n):
    a = set()
    for i in range(n):
        a.add((i * 13) % 997)
    b = {x for x in range(0, 2000, 3)}
    u = a | b
    inter = a & b
    diff = a - b
    sym = a ^ b
    hits = 0
    for i in range(n):
        if i in b:
            hits += 1
    a.discard(0)
    return len(u) + len(inter) * 3 + len(diff) * 5 + len(sym) * 7 + hits + min(a) + max(b)


def tuples(n):
    acc = 0
    pts = [(i, i * i % 101, -i) for i in range(200)]
    for i in range(n):
        x, y, z = pts[i % 200]
        t = (y, x, z)
        acc += t[0] - t[2] + len(t)
        if t < (50, 0, 0):
            acc += 1
    return acc


def matrix(n):
    size = 10 + n // 100
    m = [[(i * size + j) % 11 for j in range(size)] for i in range(size)]
    t = [list(row) for row in zip(*m)]
    flat = [v for row in t for v in row]
    return sum(flat) + t[size - 1][0] + len(flat)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
a = lists(20 * n)
b = dicts(20 * n)
c = sets(20 * n)
d = tuples(20 * n)
e = matrix(n)
print("lists", a)
print("dicts", b)
print("sets", c)
print("tuples", d)
print("matrix", e)
print("checksum", (a * 31 + b * 17 + c * 7 + d * 3 + e) % 1000000007)
