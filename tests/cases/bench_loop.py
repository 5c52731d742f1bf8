# Benchmark (instruction counting): loop-heavy integer arithmetic in nested
# loops, with a little list indexing. About 0.1 s on python3.14. Prints a
# checksum so a wrong result shows.

def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    count = 0
    for f in flags:
        if f:
            count += 1
    return count


def mix(rounds, width):
    acc = 0
    x = 12345
    for r in range(rounds):
        for k in range(width):
            x = (x * 1103515245 + 12345) & 0x7FFFFFFF
            if x % 3 == 0:
                acc += x >> 7
            elif x % 3 == 1:
                acc -= k * r
            else:
                acc ^= x
        acc %= 1000000007
    return acc


def matmul(n):
    a = [[(i * n + j) % 7 for j in range(n)] for i in range(n)]
    b = [[(i + 2 * j) % 5 for j in range(n)] for i in range(n)]
    c = [[0] * n for _ in range(n)]
    for i in range(n):
        ai = a[i]
        ci = c[i]
        for j in range(n):
            s = 0
            for k in range(n):
                s += ai[k] * b[k][j]
            ci[j] = s
    total = 0
    for row in c:
        for v in row:
            total += v
    return total


def collatz_max(limit):
    best = 0
    best_n = 0
    for n in range(1, limit):
        steps = 0
        m = n
        while m != 1:
            m = m // 2 if m % 2 == 0 else 3 * m + 1
            steps += 1
        if steps > best:
            best, best_n = steps, n
    return best_n, best


p = sieve(150000)
m = mix(400, 400)
mm = matmul(40)
cz = collatz_max(6000)
print("primes", p)
print("mix", m)
print("matmul", mm)
print("collatz", cz)
print("checksum", (p * 31 + m * 17 + mm * 7 + cz[0] * 3 + cz[1]) % 1000000007)
