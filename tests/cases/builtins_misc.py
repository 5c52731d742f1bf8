# Assorted builtins: abs, divmod, pow, round, hex/oct/bin, format, callable,
# getattr/setattr/hasattr, isinstance, type(x).__name__, chr/ord, repr, bool,
# len, id (compared, never printed), conversions.

print(abs(-5), abs(5.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-2 ** 100))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-17.5, -5), divmod(2 ** 70, 3 ** 20))
print(pow(2, 10), pow(2.0, 3), pow(2, -1), pow(-8, 1 / 3) == (-8) ** (1 / 3), pow(7, 2, 10), pow(base=2, exp=5))
print(round(3.7), round(-3.7), round(3.14159, 2), round(1.5), round(2.5), round(0.5), round(-0.5), round(123, -1))
print(round(2.675, 2), round(1.005, 2), round(5.5), round(6.5), round(-6.5), round(1e300), round(10.0, -1))
print(hex(255), hex(-1), oct(8), oct(-64), bin(10), bin(-10), bin(0), hex(0), hex(2 ** 64))
print(format(10, "b"), format(10, "o"), format(10, "x"), format(10, "#X"), format(0.5, ".0%"), format("s"))
print(chr(65), chr(8364), ord("A"), ord("€"), ord("\n"), [chr(c) for c in range(97, 102)])
print(repr("s"), repr(1), repr(1.0), repr(None), repr([1, "a"]), repr((1,)), repr({}), repr(set()), repr(b"x"))
print(bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool(" "), bool([]), bool(()), bool({}), bool(None), bool(0j))
print(len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(5)), len(b"xy"), len(frozenset()))
print(int("12"), float("1.5"), str(12), complex(1, 2), list((1, 2)), tuple([1]), set([1, 1]), dict(a=1))
print(int(), float(), str(), complex(), list(), tuple(), set(), dict(), frozenset(), bool(), bytes())

print("-- type and isinstance")
for v in (1, 1.5, "s", b"b", None, True, [1], (1,), {1: 1}, {1}, frozenset(), 1j, range(1), len, print,
          lambda: 0, slice(1), ValueError(), iter([]), NotImplemented, ..., type):
    print(type(v).__name__, end=" ")
print()
print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)),
      isinstance("s", str), isinstance([], (tuple, dict)), isinstance(None, type(None)), isinstance(int, type))
print(issubclass(bool, int), issubclass(int, object), issubclass(KeyError, (ValueError, LookupError)))
print(type(1) is int, type(True) is bool, type(1) == type(2), type(type(1)).__name__, int.__name__, str.__qualname__)
print(type(None).__name__, type(...).__name__, type(NotImplemented).__name__, type(1) in (int, float))

print("-- getattr / setattr / hasattr / callable")
def fn():
    return "fn"
setattr(fn, "color", "red")
print(getattr(fn, "color"), hasattr(fn, "color"), hasattr(fn, "size"), getattr(fn, "size", 0), fn.color)
print(getattr("abc", "upper")(), getattr([], "append") is not None, hasattr(5, "real"), getattr(5, "imag"))
print(callable(fn), callable(print), callable(int), callable("x"), callable(None), callable(callable))
try:
    getattr(fn, "size")
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    "s".x = 1
except AttributeError as e:
    print("AttributeError:", e)

print("-- id and identity (values never printed)")
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), a is b, a is not c, None is None, type(id(a)).__name__)
x = 1000
y = x
empty1, empty2 = (), tuple([])
print(x is y, id(x) == id(y), empty1 is empty2, "" == "".strip())

print("-- slice and misc constructors")
print(slice(3), slice(1, 5), slice(1, 5, 2), slice(None, None, -1), [0, 1, 2, 3][slice(1, 3)])
print(range(5), range(1, 5), range(1, 5, 2), list(range(5))[slice(None, None, 2)])
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytes(b"copy"), complex("3+4j"), complex(real=1, imag=2))
print(str(b"x"), str(b"x", "ascii"), str(1.0), str(-0.0), float("-0"), int(-0.0), int("-0"))
print(max("apple", "banana", key=len), min([[3], [1, 2]], key=len), sorted([3, 1, 2], key=lambda v: -v))
print(any(map(str.isdigit, "ab1")), all(map(str.isalpha, "ab")), list(map(chr, [72, 105])))
