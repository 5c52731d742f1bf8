# Workload: big integers (a pi spigot, factorials, Fibonacci by doubling,
# modular exponentiation, conversion to decimal). `bigint.pyc N`: N scales the
# work. Prints a checksum python3.14 agrees with.
import sys


def pi_digits(count):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < count:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return out


def factorial(n):
    f = 1
    for i in range(2, n + 1):
        f *= i
    return f


def fib_pair(n):
    if n == 0:
        return 0, 1
    a, b = fib_pair(n >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n & 1:
        return d, c + d
    return c, d


def digit_sum(v):
    return sum(map(int, str(v)))


n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
digits = pi_digits(30 * n)
p = 0
for d in digits:
    p = (p * 10 + d) % 1000000007
f = factorial(60 * n)
fs = digit_sum(f % 10 ** 4000)  # str() of more digits is refused (4300)
fb = fib_pair(2000 * n)[0]
fbm = fb % 1000000007
e = pow(3, 1000 * n + 7, (1 << 521) - 1)
bits = f.bit_length() + fb.bit_length() + e.bit_length()
mix = (f ^ (fb << 3)) & ((1 << 256) - 1)
print("pi", "".join(map(str, digits[:20])), p)
print("factorial", f.bit_length(), fs)
print("fib", fbm)
print("bits", bits)
print("mix", hex(mix)[:20])
print("checksum", (p * 31 + fs * 17 + fbm * 7 + bits + mix % 1000003) % 1000000007)
