# Arbitrary-precision integers: results far beyond 64 bits, signs, shifts,
# bitwise ops on negatives, modular powers, conversions.

big = 2 ** 200
print(big)
print(-big)
print(2 ** 64, 2 ** 64 - 1, -(2 ** 63), 2 ** 63 - 1)
print(big + 1, big - 1, big * big)
print(big // 3, big % 3, -big // 3, -big % 3, big // -7, big % -7)
print(divmod(big, 12345678901234567890), divmod(-big, 12345678901234567890))
print(divmod(big, -12345678901234567890), divmod(-big, -12345678901234567890))
print(big / 3, big / 2 ** 199, 1 / big)

print("-- factorials and sums")
f = 1
for i in range(1, 61):
    f *= i
print(f)
print(len(str(f)), str(f)[:10], str(f)[-20:])
print(sum(range(10 ** 12, 10 ** 12 + 100)))
fib = [0, 1]
for i in range(200):
    fib.append(fib[-1] + fib[-2])
print(fib[100], fib[200])

print("-- crossing the 64-bit boundary")
m = 2 ** 63 - 1
print(m + 1, m * 2, m * m, -m - 1, -m - 2, (m + 1) // 2, (-m - 1) * -1)
x = 9223372036854775807
x += 1
print(x, type(x).__name__, x - 1 == m)
print(3 ** 100, (-3) ** 101, 7 ** 77 % 1000003)
print(10 ** 30 // 10 ** 15, 10 ** 30 % (10 ** 15 + 7))

print("-- shifts")
print(1 << 100, (1 << 100) >> 99, -1 << 100, (-1 << 100) >> 50, (-(1 << 100) - 1) >> 100)
print(big >> 199, big >> 200, big >> 201, -big >> 201, -big >> 300, 12345 << 200 >> 200)

print("-- bitwise on big and negative")
a = 2 ** 100 + 12345
b = -(2 ** 90) - 999
print(a & b, a | b, a ^ b, ~a, ~b, a & -1, b & 0xFFFF, -a & b)
print((a ^ b) ^ b == a, a & ~a, a | ~a)

print("-- modular power")
p = 2 ** 127 - 1
print(pow(3, p - 1, p), pow(2, 10 ** 18, 10 ** 9 + 7), pow(12345, -1, p), pow(-7, 3, 2 ** 70))
print(pow(3, -2, 1000000007), pow(10, 100, 7), pow(2, 1000) % 10 ** 10)
inv = pow(65537, -1, 2 ** 64)
print(inv, inv * 65537 % 2 ** 64)

print("-- comparisons and mixing with float")
print(big > 10 ** 60, big == 2 ** 200, big != big + 1, big < float("inf"), big == float(big))
print(2 ** 53 + 1 == float(2 ** 53 + 1), float(2 ** 53 + 1), float(big), int(1e30), int(-1.5e20))
print(max(big, -big, 0), min([big, 3, -big]), abs(-big) == big, -(-big) == big)

print("-- text")
print(hex(big), oct(2 ** 70), bin(2 ** 70 + 1))
print(hex(-big), int(hex(big), 16) == big, int(str(big)) == big, int("-" + str(big)) == -big)
print(int("1" * 50), int("z" * 20, 36), str(10 ** 40), repr(-10 ** 40))
print(format(big, ","), format(2 ** 70, "_x"), format(-2 ** 70, "+d"))
print(big.bit_length(), (big - 1).bit_length(), (-big).bit_length(), (big - 1).bit_count())
print((2 ** 80).to_bytes(11, "big"), int.from_bytes(b"\xff" * 12, "little"),
      int.from_bytes(b"\x80" + b"\x00" * 11, "big", signed=True))

print("-- hash of big ints (mod 2**61 - 1)")
for v in (2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), big, -big, 10 ** 40):
    print(v, hash(v))
