# Integer arithmetic on small (machine-sized) ints: every operator, the sign
# rules of // and %, shifts, bitwise ops on negatives, comparisons, int methods.

def show(label, value):
    print(label, "=", repr(value))

a, b = 17, 5
show("a + b", a + b)
show("a - b", a - b)
show("b - a", b - a)
show("a * b", a * b)
show("a / b", a / b)
show("a // b", a // b)
show("a % b", a % b)
show("a ** b", a ** b)
show("-a", -a)
show("+a", +a)
show("~a", ~a)
show("~-a", ~-a)
show("not a", not a)

print("-- floor division and modulo with signs")
for x in (7, -7, 0, 1, -1, 6, -6):
    for y in (2, -2, 3, -3):
        print(x, y, x // y, x % y, divmod(x, y), x // y * y + x % y == x)

show("-7 // 2", -7 // 2)
show("7 % -3", 7 % -3)
show("-7 % 3", -7 % 3)
show("divmod(-7, 2)", divmod(-7, 2))
show("divmod(7, -2)", divmod(7, -2))
show("-(7 // 2)", -(7 // 2))
show("int(-7 / 2)", int(-7 / 2))

print("-- true division of ints")
for x, y in ((1, 3), (2, 3), (10, 4), (-10, 4), (1, 7), (10**18, 3), (0, 5), (-0, -5)):
    print(x, "/", y, "=", x / y)

print("-- powers")
for base in (-3, -2, -1, 0, 1, 2, 3, 10):
    print(base, [base ** e for e in range(6)])
show("2 ** -1", 2 ** -1)
show("2 ** -3", 2 ** -3)
show("(-2) ** -2", (-2) ** -2)
show("0 ** 0", 0 ** 0)
show("pow(3, 4)", pow(3, 4))
show("pow(3, 4, 5)", pow(3, 4, 5))
show("pow(-3, 3, 7)", pow(-3, 3, 7))
show("pow(3, 3, -7)", pow(3, 3, -7))
show("pow(3, -1, 7)", pow(3, -1, 7))
show("pow(38, -1, 97)", pow(38, -1, 97))
show("pow(2, -2, 7)", pow(2, -2, 7))
show("pow(5, 0, 1)", pow(5, 0, 1))

print("-- shifts")
for x in (1, 5, -1, -5, 255, -256):
    print(x, [x << s for s in (0, 1, 3, 8)], [x >> s for s in (0, 1, 3, 8, 70)])

print("-- bitwise ops incl. negatives")
vals = (0, 1, 6, 12, -1, -6, -12, 255)
for x in vals:
    print(x, [x & y for y in vals], [x | y for y in vals], [x ^ y for y in vals])

print("-- comparisons")
print(1 < 2, 2 < 1, 2 <= 2, 3 >= 4, 5 == 5, 5 != 5, -1 < 0 < 1, 1 < 3 < 2)
print(1 == 1.0, 1 == True, 0 == False, 2 > 1.5, -3 < -2.5)
print(max(3, -4, 2), min(3, -4, 2), abs(-9), abs(9), abs(0))

print("-- bool arithmetic")
print(True + True, True * 10, False - 1, True / 2, True // 1, -True, ~int(True), -False)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True + 1).__name__)

print("-- int methods")
for x in (0, 1, 2, 7, 8, 255, 256, -1, -128, 1023):
    print(x, x.bit_length(), x.bit_count(), x.as_integer_ratio(), x.is_integer(),
          x.real, x.imag, x.numerator, x.denominator, x.conjugate())
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-2).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"),
      int.from_bytes(b"\xff\xfe", "big", signed=True), int.from_bytes(b"\xff", "big"))
print((255).to_bytes(), int.from_bytes(b"\x7f"))

print("-- int() constructor")
for s in ("0", "42", "-42", "+7", "  -12_3 ", "1_000_000", "0x10", "\t99\n", "٣"):
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0),
      int("z", 36), int("11", 2), int("-11", 3), int("10", 0))
for s, base in (("12", 2), ("0x", 16), ("", 10), ("1__0", 10), ("_1", 10), ("010", 0)):
    try:
        print(repr(s), base, int(s, base))
    except ValueError as e:
        print(repr(s), base, "ValueError:", e)
print(int(3.9), int(-3.9), int(True), int(), int(1e6), int("  7  "))

print("-- conversions to text")
for x in (0, 5, -5, 255, -255, 4096, 123456789):
    print(x, str(x), repr(x), hex(x), oct(x), bin(x))

print("-- misc")
x = 10
x = x * 3 + 1
print(x, x % 7, x // 7, -x % 7, -x // 7)
print(sum(range(101)), sum([1, 2, 3], 10), 7 .__add__(3), (7).__mod__(-2))
print(round(7), round(15, -1), round(25, -1), round(-25, -1), round(1234, -2), round(5, 0))
print(isinstance(5, int), isinstance(True, int), isinstance(5, (str, float)), type(5).__name__)
