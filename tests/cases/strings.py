# str basics: literals and escapes, indexing, concatenation, comparison,
# repr rules (quote choice, escapes, non-ASCII), iteration, ord/chr.

s = "hello"
print(s, len(s), s[0], s[-1], s[1:3], s + " world", s * 3, 2 * "ab", "" * 5, "x" * 0, "y" * -1)
print("ell" in s, "z" in s, "" in s, "z" not in s, s == "hello", s != "Hello", s < "help", "a" < "b" < "c")
print("abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a", "é" > "z", max("hello"), min("hello"), sorted("banana"))
print(list(s), tuple("ab"), [c * 2 for c in "xyz"], "".join(reversed(s)), s[::-1], s[::2])

print("-- escapes and repr")
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there"), repr("nl\n"), repr("\\"))
print(repr("\x00\x07\x1b\x7f"), repr("\u00e9"), repr("\u200b"), repr("\U0001F600"), repr("\xa0"))
print("a\tb", "c\\d", "e\x41", "\u0041\N{LATIN SMALL LETTER E WITH ACUTE}", r"raw\n", len(r"\n"), len("\n"))
print("""triple
quoted""", '''single 'triple' ''', "implicit" " concatenation" ' here')
print(str(None), str(True), str(3.0), str([1, "a"]), str((1,)), str({"k": "v"}), repr("x"), str("x"))

print("-- unicode")
u = "naïve café ß ΣΑΣ 日本語 😀"
print(u, len(u), u.upper(), u.lower(), u.casefold(), u.title(), u.swapcase())
print([ord(c) for c in "aé日😀"], chr(97), chr(233), chr(0x65E5), chr(0x1F600), repr(chr(0)), repr(chr(0x10FFFF)))
print(u.encode("utf-8"), len(u.encode("utf-8")), u.encode("utf-8").decode("utf-8") == u)
print("é".encode("latin-1"), "abc".encode("ascii"), "ü".encode("utf-16-le"), "x".encode())
for bad in ("€", "日"):
    try:
        bad.encode("ascii")
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e)
print("é".encode("ascii", "replace"), "é".encode("ascii", "ignore"), "é".encode("ascii", "backslashreplace"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xff".decode("utf-8", "replace"), b"\xe9".decode("latin-1"), b"a\xffb".decode("ascii", "ignore"))

print("-- indexing errors")
for i in (5, -6, 100):
    try:
        print(s[i])
    except IndexError as e:
        print(i, "IndexError:", e)
try:
    s[0] = "H"
except TypeError as e:
    print("TypeError:", e)
try:
    print("a" + 1)
except TypeError as e:
    print("TypeError:", e)
try:
    print("a" * "b")
except TypeError as e:
    print("TypeError:", e)
try:
    print(ord("ab"))
except TypeError as e:
    print("TypeError:", e)
try:
    print(chr(0x110000))
except ValueError as e:
    print("ValueError:", e)

print("-- building")
parts = []
for i in range(5):
    parts.append(str(i) * i)
print(parts, "-".join(parts), ",".join("abc"), "".join([]))
acc = ""
for w in ["x", "yy", "zzz"]:
    acc += w
    acc += "|"
print(acc, len(acc), acc.count("|"))
print(str(12345)[::-1], int(str(12345)[::-1]) + 1, "%s" % "pct", "a" "b" == "ab")
print(hash("") , hash("a") == hash("a"), "abc".__len__(), "abc".__contains__("b"), "ab".__add__("cd"))
