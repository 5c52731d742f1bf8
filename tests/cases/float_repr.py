# Floats: shortest repr, arithmetic, special values, rounding, conversions.

vals = [0.0, -0.0, 1.0, -1.5, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 1.5e16, 1e-5, 1e-4,
        0.0001, 123456789.0, 1234567890123456789.0, 1e22, 1e23, 5e-324, 1.7976931348623157e308,
        2.5, 3.14159, 100.0, 1e100, -1e-100, 0.5, 9.999999999999999e15, 12345.678, 1/7]
for v in vals:
    print(repr(v), str(v))
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, repr(1 / 3), 1.1 * 3, 0.1 * 3, 1 - 0.9)

print("-- special values")
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, float("-inf"), float("Infinity"), float("-nan"), float("  inf "))
print(nan != nan, nan == nan, nan is nan, inf == inf, inf > 1e308, -inf < -1e308)
print(inf + 1, inf - inf, inf * 0, inf / inf, -inf * -1, 1 / inf, -1 / inf)
print(1e308 * 10, -1e308 * 10, 1e-320 / 10, 2.0 ** 1023 * 2 == inf)
print([x for x in (1.0, nan, 2.0) if x == x], min(1.0, 2.0), max(-0.0, 0.0), max(0.0, -0.0))

print("-- arithmetic")
a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, -a, +a, abs(-a))
for x in (7.5, -7.5):
    for y in (2.0, -2.0, 0.3):
        print(x, y, x // y, x % y, divmod(x, y))
print(2 ** 0.5, 10 ** -2, 4 ** 0.5, (-8) ** (1 / 3) == (-8) ** (1 / 3), 0.0 ** 0)
print(1 / 2, 3 / 1, 1.0 // 3, -1.0 // 3, 1.0 % -3, -0.0 % 5, 5 % -0.5)
print(3 * 1.1, 1e16 + 1, 1e16 + 2, 2 ** 53 + 1.0, 0.1 * 0.1)
print(1.0 == 1, 1.5 > 1, 2.0 < 3, -0.0 == 0.0, 0.1 + 0.2 > 0.3, 1e16 == 10 ** 16)

print("-- round")
print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
print(round(3.14159, 3), round(1234.5678, -2), round(1.0), round(-2.7), type(round(2.5)).__name__)
print(round(2.5, 0), round(0.125, 2), round(0.375, 2), round(1e20), round(123.456, 1), round(-0.04, 1))

print("-- int <-> float")
print(int(3.99), int(-3.99), int(1e20), float(10), float(-0), float(2 ** 70), float(True))
for s in ("1.5", " -2.25 ", "1e5", "1E-3", ".5", "5.", "1_000.5", "nan", "-Infinity", "0x10", "1e400", "-1e400"):
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)

print("-- float methods")
for v in (0.5, 1.0, 2.75, -0.1, 1e10, 3.0):
    print(v, v.is_integer(), v.as_integer_ratio(), v.hex(), v.real, v.imag, v.conjugate())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("0x1.fffffffffffffp+1023"))
print((2.5).__trunc__(), (2.5).__floor__(), (2.5).__ceil__(), (-2.5).__floor__(), (-2.5).__ceil__())

print("-- formatting")
x = 1234.56789
print(format(x, ".2f"), format(x, "e"), format(x, ".3g"), format(x, "10.1f"), format(x, "<10.1f") + "|")
print(format(0.000012345, "g"), format(1e20, "g"), format(123456789.0, "g"), format(x, ",.2f"))
print(format(0.25, "%"), format(0.25, ".1%"), format(-x, "+.1f"), format(x, " .0f"), format(2.5, ".0f"))
print(str(1e16), str(1e-5), str(123e-10), str(-1e-7), repr(100.0 / 3), 1e15 + 0.3)

print("-- hashes")
for v in (0.0, -0.0, 0.5, 1.0, 1.5, -1.5, 3.14, 1e100, inf, -inf, 2.0 ** 61, 1e-10):
    print(v, hash(v))
print(hash(1.0) == hash(1), hash(0.5) == hash(0.5), hash(-1.0))
