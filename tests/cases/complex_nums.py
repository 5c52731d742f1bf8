# Complex numbers: literals, arithmetic, repr, attributes, conversions.

z = 3 + 4j
w = complex(1, -2)
print(z, w, repr(z), str(w), 1j, -1j, 0j, complex(), complex(2), complex("1+2j"), complex(" 3-4.5j "))
print(z.real, z.imag, z.conjugate(), abs(z), abs(w), type(z).__name__, type(z.real).__name__)
print(z + w, z - w, z * w, z / w, z ** 2, w ** 0, z * 2, 2 * z, z + 1.5, z - 1)
print(-z, +z, z == 3 + 4j, z != w, z == complex(3, 4), 1 + 0j == 1, (1 + 0j) == 1.0)
print(1j * 1j, 1j ** 2, (1 + 1j) ** 8, 2 ** 1j == 2 ** 1j, (2 + 0j) ** 0.5)
print(complex(1.5, 0), complex(0, 1.5), complex(-0.0, -0.0), complex(1e300, 1e-300), complex(-1, 0))
print(repr(complex(float("inf"), float("nan"))), repr(complex(0.1, 0.2)), repr(-(0j)), repr(1e16j))
print(bool(0j), bool(1j), bool(0 + 0j), hash(0j), hash(1 + 0j), hash(1j), hash(3 + 4j), hash(-2.5j))
print(format(z, ""), format(z, ".2f"), format(w, "^20"), f"{z:>12}|", f"{1.23456 + 2j:.3}")
print(sum([1j, 2j, 3]), [c.imag for c in (1j, 2 + 3j)], isinstance(z, complex), z / 2)
for bad in ("1+", "j1", "1+2i"):
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
try:
    print(z < w)
except TypeError as e:
    print("TypeError:", e)
try:
    print(z // 2)
except TypeError as e:
    print("TypeError:", e)
try:
    print(1 / 0j)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
