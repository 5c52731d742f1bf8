# Argument checking of every bytes/bytearray method: counts, keywords, and
# the messages each calling convention gives.


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


noargs = ["capitalize", "isalnum", "isalpha", "isascii", "isdigit", "islower", "isspace", "istitle", "isupper",
          "lower", "swapcase", "title", "upper"]
onearg = ["join", "partition", "rpartition", "removeprefix", "removesuffix", "zfill"]
finds = ["find", "rfind", "index", "rindex", "count", "startswith", "endswith"]
for s in (b"abc", bytearray(b"abc")):
    print(type(s).__name__)
    for name in noargs:
        m = getattr(s, name)
        t(name + " 1", lambda: m(1))
        t(name + " kw", lambda: m(x=1))
    for name in onearg:
        m = getattr(s, name)
        t(name + " 0", lambda: m())
        t(name + " 2", lambda: m(b"a", b"b"))
        t(name + " kw", lambda: m(x=b"a"))
    for name in finds:
        m = getattr(s, name)
        t(name + " 0", lambda: m())
        t(name + " 4", lambda: m(b"a", 0, 1, 2))
        t(name + " kw", lambda: m(b"a", start=0))
    for name in ("center", "ljust", "rjust"):
        m = getattr(s, name)
        t(name + " 0", lambda: m())
        t(name + " 3", lambda: m(5, b" ", 1))
        t(name + " kw", lambda: m(5, fillchar=b" "))
    for name in ("strip", "lstrip", "rstrip"):
        m = getattr(s, name)
        t(name + " 2", lambda: m(b"a", b"b"))
        t(name + " kw", lambda: m(bytes=b"a"))
    t("replace 1", lambda: s.replace(b"a"))
    t("replace 4", lambda: s.replace(b"a", b"b", 1, 2))
    t("replace kw", lambda: s.replace(b"a", b"b", count=1))
    for name in ("split", "rsplit"):
        m = getattr(s, name)
        t(name + " 3", lambda: m(b"a", 1, 2))
        t(name + " kw dup", lambda: m(b"a", sep=b"a"))
        t(name + " kw bad", lambda: m(sepp=b"a"))
        t(name + " kw far", lambda: m(zzzzzz=b"a"))
        t(name + " kw 3", lambda: m(sep=b"a", maxsplit=1, x=1))
        t(name + " kw ok", lambda: m(maxsplit=1, sep=b"b"))
        t(name + " None max", lambda: m(None, None))
    t("splitlines 2", lambda: s.splitlines(True, 1))
    t("splitlines kw bad", lambda: s.splitlines(keepend=True))
    t("splitlines kw dup", lambda: s.splitlines(True, keepends=True))
    t("expandtabs 2", lambda: s.expandtabs(1, 2))
    t("expandtabs kw bad", lambda: s.expandtabs(tabsiz=1))
    t("expandtabs None", lambda: s.expandtabs(None))
    t("decode 3", lambda: s.decode("ascii", "strict", 1))
    t("decode kw bad", lambda: s.decode(encodin="ascii"))
    t("decode kw", lambda: s.decode(errors="strict", encoding="ascii"))
    t("hex 3", lambda: s.hex(":", 1, 2))
    t("hex kw 3", lambda: s.hex(sep=":", bytes_per_sep=1, x=1))
    t("hex kw bad", lambda: s.hex(step=":"))
    t("hex kw ok", lambda: s.hex(bytes_per_sep=1, sep=":"))
    t("translate 0", lambda: s.translate())
    t("translate 3", lambda: s.translate(None, b"", 1))
    t("translate kw table", lambda: s.translate(table=None))
    t("translate kw table2", lambda: s.translate(None, table=None))
    t("translate kw bad", lambda: s.translate(None, delte=b""))
    t("translate kw tabel", lambda: s.translate(tabel=None))
    t("translate kw 3", lambda: s.translate(None, b"", delete=b""))
    t("fromhex 0", lambda: type(s).fromhex())
    t("fromhex 2", lambda: type(s).fromhex("a", "b"))
    t("fromhex kw", lambda: type(s).fromhex(string="00"))
    t("maketrans 0", lambda: type(s).maketrans())
    t("maketrans 1", lambda: type(s).maketrans(b"a"))
    t("maketrans 3", lambda: type(s).maketrans(b"a", b"b", b"c"))
    t("maketrans kw", lambda: type(s).maketrans(frm=b"a", to=b"b"))
    t("maketrans instance", lambda: s.maketrans(b"a", b"b")[97])

b = b"abc"
t("getnewargs 1", lambda: b.__getnewargs__(1))
t("bytes 1", lambda: b.__bytes__(1))
t("sizeof 1", lambda: b.__sizeof__(1))
a = bytearray(b"abc")
t("append 0", lambda: a.append())
t("append 2", lambda: a.append(1, 2))
t("append kw", lambda: a.append(item=1))
t("extend 0", lambda: a.extend())
t("extend kw", lambda: a.extend(iterable_of_ints=[1]))
t("insert 0", lambda: a.insert())
t("insert 1", lambda: a.insert(0))
t("insert 3", lambda: a.insert(0, 1, 2))
t("insert kw", lambda: a.insert(0, item=1))
t("pop 2", lambda: a.pop(1, 2))
t("pop kw", lambda: a.pop(index=1))
t("remove 0", lambda: a.remove())
t("remove kw", lambda: a.remove(value=1))
t("resize 0", lambda: a.resize())
t("resize kw", lambda: a.resize(size=1))
for name in ("reverse", "clear", "copy", "__alloc__", "__sizeof__", "__reduce__"):
    m = getattr(a, name)
    t(name + " 1", lambda: m(1))
    t(name + " kw", lambda: m(x=1))
t("reduce_ex 2", lambda: a.__reduce_ex__(1, 2))
t("reduce_ex kw", lambda: a.__reduce_ex__(proto=1))
print(a)

print("descriptors")
t("unbound", lambda: bytes.upper(b"x"))
t("unbound ba", lambda: bytearray.upper(bytearray(b"x")))
t("unbound find", lambda: bytes.find(b"abc", b"c"))
t("unbound fromhex", lambda: bytes.fromhex("41"))
t("unbound maketrans", lambda: bytes.maketrans(b"", b"")[:3])
t("wrong self", lambda: bytes.upper(bytearray(b"x")))
t("wrong self 2", lambda: bytearray.append(b"x", 1))
t("no self", lambda: bytes.upper())
