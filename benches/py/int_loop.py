# Workload: tight integer loops (while/for over range, arithmetic, bit
# operations, comparisons, list indexing). `int_loop.pyc N`: N scales the work
# linearly. Prints a checksum python3.14 agrees with.
import sys


def lcg_mix(n):
    x = 12345
    acc = 0
    for k in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        r = x % 3
        if r == 0:
            acc += x >> 7
        elif r == 1:
            acc -= k
        else:
            acc ^= x
    return acc % 1000000007


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


def collatz(limit):
    best = 0
    total = 0
    for n in range(1, limit):
        m = n
        steps = 0
        while m != 1:
            if m & 1:
                m = 3 * m + 1
            else:
                m >>= 1
            steps += 1
        total += steps
        if steps > best:
            best = steps
    return best * 1000003 + total


def gcd_sum(n):
    s = 0
    for a in range(1, n):
        b = n
        x = a
        while b:
            x, b = b, x % b
        s += x
    return s


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
a = lcg_mix(n * 40)
b = sieve(n * 30)
c = collatz(n * 2)
d = gcd_sum(n * 10)
print("lcg", a)
print("sieve", b)
print("collatz", c)
print("gcd", d)
print("checksum", (a * 31 + b * 17 + c * 7 + d) % 1000000007)
