# bytes: literals, repr, indexing (ints), slicing, methods, conversions.

b = b"hello world"
print(b, len(b), b[0], b[-1], b[0:5], b[::-1], b[::2], b + b"!", b * 2, b"o" in b, 111 in b, b"xyz" not in b)
print(repr(b"\x00\x01\t\n\r\x7f\x80\xff"), repr(b"'"), repr(b'"'), repr(b"'\""), b"\\", bytes(range(30, 40)))
print(b.upper(), b.title(), b.capitalize(), b.split(), b.split(b"o"), b.replace(b"l", b"L"), b.find(b"o"), b.rfind(b"o"))
print(b.count(b"l"), b.index(b"w"), b.startswith(b"he"), b.endswith((b"x", b"ld")), b.strip(b"hd"), b"  x ".strip())
print(b"-".join([b"a", b"b"]), b.partition(b" "), b.rpartition(b"o"), b.center(15, b"*"), b.zfill(13), b"ab".ljust(4))
print(b.hex(), b.hex(":"), b"\x01\xab".hex(" ", 1), bytes.fromhex("de ad be ef"), bytes.fromhex("00ff").hex())
print(b.decode(), b.decode("ascii"), "é€".encode(), "é€".encode().decode("utf-8"), b"\xe9".decode("latin-1"))
print(b.isalpha(), b"abc".isalpha(), b"123".isdigit(), b"  ".isspace(), b"Ab".islower(), b"AB".isupper(), b"a1".isalnum())
print(list(b"abc"), tuple(b"\x00\xff"), bytes([0, 127, 255]), bytes(4), bytes(b"x"), bytes("ab", "ascii"))
print(b"abc" == b"abc", b"abc" < b"abd", b"" < b"\x00", b"a" == "a", b"abc"[1:2] == b"b", b"abc"[1] == 98)
print(b"a,b,,c".split(b","), b"x\ny\r\nz".splitlines(), b"  a  b ".split(None, 1), b"a\tb".expandtabs(4))
print(b.removeprefix(b"hello "), b.removesuffix(b"world"), b"aXbXc".rsplit(b"X", 1), b"Hello".swapcase())
print(b"%d-%s" % (5, b"x"), b"abc".translate(bytes.maketrans(b"abc", b"xyz")), b"abcd".translate(None, b"bd"))
print(sorted(b"hello"), max(b"az"), sum(b"\x01\x02"), b"".join([bytes([c]) for c in b"xy"]), bytes(reversed(b"abc")))
print(int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(2, "big"), bytes([65]) * 3, b"ab" * 0)
for bad in (lambda: b"a" + "b", lambda: bytes([256]), lambda: bytes([-1]), lambda: b"abc"[5], lambda: bytes.fromhex("zz"),
            lambda: b"\xff".decode(), lambda: bytes("é"), lambda: b"x".join(["y"])):
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
