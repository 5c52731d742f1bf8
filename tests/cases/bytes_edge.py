# Edge cases of the bytes and bytearray core: reprs, messages, identity, limits.
print(repr(bytearray(b"They'Re")), repr(bytearray(b'a"b')), repr(bytearray(b"a\"b'")))
print(repr(b"They'Re"), repr(b'a"b'), repr(b"a\"b'"))
b = b"abc"
print(bytes(b) is b, bytes(bytearray(b)) == b, type(bytes(bytearray(b))).__name__)
for make in (bytes, bytearray):
    try:
        make([1, 256])
    except ValueError as e:
        print(make.__name__, "ValueError:", e)
    try:
        make(-1)
    except ValueError as e:
        print(make.__name__, "ValueError:", e)
for seq in (b"abc", bytearray(b"abc")):
    try:
        seq[5]
    except IndexError as e:
        print(type(seq).__name__, "IndexError:", e)
try:
    b"b" * 2**53
except MemoryError as e:
    print("MemoryError", repr(e))
try:
    b"ab" * 2**62
except OverflowError as e:
    print("OverflowError:", e)
try:
    bytes(2**60)
except MemoryError as e:
    print("MemoryError", repr(e))
x = bytearray(b"ab")
y = x
x *= 3
print(x, x is y, b"" * 5, bytearray(b"q") * 0)
