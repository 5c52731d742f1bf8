# hash() values. pyrs promises CPython's values under PYTHONHASHSEED=0
# (SipHash-1-3 with a zero key for str/bytes; the modular scheme for numbers;
# xxHash-style combination for tuples; frozenset's shuffle-and-xor).

print("-- ints")
for v in (0, 1, -1, -2, 2, 100, -100, 2 ** 31, 2 ** 32, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 62, 2 ** 63,
          -(2 ** 63), 2 ** 64 + 5, 10 ** 30, -(10 ** 30), True, False):
    print(repr(v), hash(v))

print("-- floats")
for v in (0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 2.5, 1e-300, 1e300, 123.456, -7.25, float("inf"), float("-inf"), 2.0 ** 64):
    print(repr(v), hash(v))
print(hash(1) == hash(1.0) == hash(1 + 0j) == hash(True), hash(2 ** 70) == hash(float(2 ** 70)))

print("-- complex")
for v in (0j, 1j, 1 + 1j, -2.5 + 3j, complex(1e10, -1e10)):
    print(repr(v), hash(v))

print("-- str")
for v in ("", "a", "b", "ab", "ba", "hello", "Hello", "hello world", "é", "日本", "😀", "a" * 100,
          "the quick brown fox", "0", "None", "\x00", "12345678", "abcdefghijklmnopqrstuvwxyz"):
    print(repr(v), hash(v))

print("-- bytes")
for v in (b"", b"a", b"ab", b"hello", b"\x00\xff", b"abcdefgh", bytes(range(20))):
    print(repr(v), hash(v))
print(hash(b"hello") == hash("hello"), hash(b"") == hash(""))

print("-- tuples")
for v in ((), (1,), (1, 2), (2, 1), (1, 2, 3), ("a", "b"), ((1, 2), (3,)), (None,), (1.5, "x", b"y", -1),
          (0,), (0, 0), (-1,), ((),), (True, False), tuple(range(10))):
    print(repr(v), hash(v))

print("-- frozenset")
for v in (frozenset(), frozenset([1]), frozenset([1, 2]), frozenset([2, 1]), frozenset("abc"),
          frozenset([(1, 2), 3.5]), frozenset(range(10))):
    print(sorted(v, key=repr), hash(v))

print("-- singletons and others")
# hash(None) is a fixed constant since 3.12; Ellipsis, NotImplemented, types and
# functions hash by address, which is machine-specific, so only compare those.
print(hash(None), hash(...) == hash(...), hash(len) == hash(len), hash(range(3)) == hash(range(3)))
print(hash(slice(1, 2)) == hash(slice(1, 2)), hash(slice(1, 2, None)))
for bad in ([], {}, set(), [1], (1, [2]), frozenset([1]) and {1: 2}):
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)
