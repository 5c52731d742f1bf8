# str splitting and stripping: split/rsplit (whitespace and separator forms,
# maxsplit), splitlines (every line boundary, keepends), strip/lstrip/rstrip.
# Each line shows an expression and its repr, or the exception it raises.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))

print("-- split on whitespace")
for label, f in (
    ('"  a b\\tc\\nd  ".split()', lambda: "  a b\tc\nd  ".split()),
    ('"  a b\\tc\\nd  ".split(None, 1)', lambda: "  a b\tc\nd  ".split(None, 1)),
    ('"  a b\\tc\\nd  ".split(maxsplit=2)', lambda: "  a b\tc\nd  ".split(maxsplit=2)),
    ('"  a b  ".split(None, 0)', lambda: "  a b  ".split(None, 0)),
    ('"  a b  ".rsplit(None, 0)', lambda: "  a b  ".rsplit(None, 0)),
    ('"a b".split(None, -1)', lambda: "a b".split(None, -1)),
    ('"a b".split(None, -10)', lambda: "a b".split(None, -10)),
    ('"\\x1c\\x1d\\x1e\\x1fa\\x1fb\\x85c\\xa0d".split()', lambda: "\x1c\x1d\x1e\x1fa\x1fb\x85c\xa0d".split()),
    ('"a\\u3000b\\u2028c\\u200bd".split()', lambda: "a\u3000b\u2028c\u200bd".split()),
    ('"x\\u00a0y\\u2003z".rsplit(None, 1)', lambda: "x\u00a0y\u2003z".rsplit(None, 1)),
    ('"   ".split()', lambda: "   ".split()),
    ('"".split()', lambda: "".split()),
    ('"".rsplit()', lambda: "".rsplit()),
    ('"  a  ".split()', lambda: "  a  ".split()),
    ('"  a  ".rsplit(None, 5)', lambda: "  a  ".rsplit(None, 5)),
    ('"a b c d".rsplit(None, 2)', lambda: "a b c d".rsplit(None, 2)),
    ('"  a  b  c  ".rsplit(maxsplit=1)', lambda: "  a  b  c  ".rsplit(maxsplit=1)),
    ('"日本 語\\t😀 x".split()', lambda: "日本 語\t😀 x".split()),
    ('"日本 語\\t😀 x".rsplit(None, 1)', lambda: "日本 語\t😀 x".rsplit(None, 1)),
):
    show(label, f)

print("-- split on a separator")
for label, f in (
    ('"a,b,,c,".split(",")', lambda: "a,b,,c,".split(",")),
    ('"a,b,,c,".split(",", 2)', lambda: "a,b,,c,".split(",", 2)),
    ('"a,b,,c,".rsplit(",", 2)', lambda: "a,b,,c,".rsplit(",", 2)),
    ('"a,b,c".split(",", maxsplit=-5)', lambda: "a,b,c".split(",", maxsplit=-5)),
    ('"a,b,c".rsplit(",", maxsplit=1)', lambda: "a,b,c".rsplit(",", maxsplit=1)),
    ('"a,b,c".split(",", 0)', lambda: "a,b,c".split(",", 0)),
    ('"a::b::c".split("::")', lambda: "a::b::c".split("::")),
    ('"a::b::c".rsplit("::", 1)', lambda: "a::b::c".rsplit("::", 1)),
    ('"aaa".split("aa")', lambda: "aaa".split("aa")),
    ('"aaa".rsplit("aa")', lambda: "aaa".rsplit("aa")),
    ('"aaaa".split("aa")', lambda: "aaaa".split("aa")),
    ('"".split(",")', lambda: "".split(",")),
    ('"".rsplit(",")', lambda: "".rsplit(",")),
    ('",".split(",")', lambda: ",".split(",")),
    ('"abc".split("abc")', lambda: "abc".split("abc")),
    ('"abc".split("abcd")', lambda: "abc".split("abcd")),
    ('"日本,語,😀".split(",")', lambda: "日本,語,😀".split(",")),
    ('"a日b日c".split("日", 1)', lambda: "a日b日c".split("日", 1)),
    ('"a日b日c".rsplit("日", 1)', lambda: "a日b日c".rsplit("日", 1)),
    ('"a b".split(" ")', lambda: "a b".split(" ")),
    ('"a  b".split(" ")', lambda: "a  b".split(" ")),
    ('"a".split("")', lambda: "a".split("")),
    ('"a".rsplit("")', lambda: "a".rsplit("")),
    ('"a".split(1)', lambda: "a".split(1)),
    ('"a".split(None, 1.5)', lambda: "a".split(None, 1.5)),
    ('"a".split(None, "1")', lambda: "a".split(None, "1")),
    ('"a".split(sep="a", maxsplit=1, x=1)', lambda: "a".split(sep="a", maxsplit=1, x=1)),
    ('"a".split(x=1)', lambda: "a".split(x=1)),
    ('"a".split(1, 2, 3)', lambda: "a".split(1, 2, 3)),
    ('"a".rsplit(b"a")', lambda: "a".rsplit(b"a")),
    ('"a".split(None, None)', lambda: "a".split(None, None)),
    ('"a".split(sep=None)', lambda: "a".split(sep=None)),
    ('"a b".split(maxsplit=True)', lambda: "a b".split(maxsplit=True)),
    ('"a".split(None, 10**30)', lambda: "a".split(None, 10**30)),
    ('"a".rsplit(None, -10**30)', lambda: "a".rsplit(None, -10**30)),
):
    show(label, f)

print("-- splitlines")
for label, f in (
    ('"a\\nb\\r\\nc\\rd\\x0be\\x0cf\\x1cg\\x1dh\\x1ei\\x85j\\u2028k\\u2029l".splitlines()', lambda: "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l".splitlines()),
    ('"a\\nb\\r\\nc\\rd\\x0be\\x0cf\\x1cg\\x1dh\\x1ei\\x85j\\u2028k\\u2029l".splitlines(True)', lambda: "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l".splitlines(True)),
    ('"a\\n\\nb\\n".splitlines()', lambda: "a\n\nb\n".splitlines()),
    ('"a\\n\\nb\\n".splitlines(keepends=True)', lambda: "a\n\nb\n".splitlines(keepends=True)),
    ('"\\r\\n\\r\\n".splitlines(True)', lambda: "\r\n\r\n".splitlines(True)),
    ('"\\n\\r".splitlines(True)', lambda: "\n\r".splitlines(True)),
    ('"\\r\\r\\n\\n".splitlines()', lambda: "\r\r\n\n".splitlines()),
    ('"no newline".splitlines()', lambda: "no newline".splitlines()),
    ('"".splitlines(True)', lambda: "".splitlines(True)),
    ('"\\n".splitlines()', lambda: "\n".splitlines()),
    ('"x\\u2028".splitlines(True)', lambda: "x\u2028".splitlines(True)),
    ('"a\\nb".splitlines(1)', lambda: "a\nb".splitlines(1)),
    ('"a\\nb".splitlines("")', lambda: "a\nb".splitlines("")),
    ('"a\\nb".splitlines([0])', lambda: "a\nb".splitlines([0])),
    ('"a".splitlines(True, 1)', lambda: "a".splitlines(True, 1)),
    ('"a".splitlines(x=1)', lambda: "a".splitlines(x=1)),
):
    show(label, f)

print("-- strip")
for label, f in (
    ('"  \\t\\n x y \\r\\f\\v ".strip()', lambda: "  \t\n x y \r\f\v ".strip()),
    ('"  x  ".lstrip()', lambda: "  x  ".lstrip()),
    ('"  x  ".rstrip()', lambda: "  x  ".rstrip()),
    ('"\\x1c\\x1dx\\x1e\\x1f".strip()', lambda: "\x1c\x1dx\x1e\x1f".strip()),
    ('"\\u3000\\u2003x\\xa0\\x85".strip()', lambda: "\u3000\u2003x\xa0\x85".strip()),
    ('"x\\u200b".strip()', lambda: "x\u200b".strip()),
    ('"xxhixx".strip("x")', lambda: "xxhixx".strip("x")),
    ('"xyhiyx".strip("xy")', lambda: "xyhiyx".strip("xy")),
    ('"xyhiyx".lstrip("yx")', lambda: "xyhiyx".lstrip("yx")),
    ('"xyhiyx".rstrip("x")', lambda: "xyhiyx".rstrip("x")),
    ('"日本hi本日".strip("日本")', lambda: "日本hi本日".strip("日本")),
    ('"😀a😀".strip("😀")', lambda: "😀a😀".strip("😀")),
    ('"abc".strip("")', lambda: "abc".strip("")),
    ('"abc".strip("abc")', lambda: "abc".strip("abc")),
    ('"".strip()', lambda: "".strip()),
    ('"abc".strip(None)', lambda: "abc".strip(None)),
    ('"abc".lstrip(None)', lambda: "abc".lstrip(None)),
    ('"abc".strip(1)', lambda: "abc".strip(1)),
    ('"abc".lstrip(b"a")', lambda: "abc".lstrip(b"a")),
    ('"abc".rstrip(["c"])', lambda: "abc".rstrip(["c"])),
    ('"abc".strip("a", "b")', lambda: "abc".strip("a", "b")),
    ('"abc".strip(chars="a")', lambda: "abc".strip(chars="a")),
):
    show(label, f)

print("-- identity")
t = "hello"
print(t.split()[0] is t, t.split("z")[0] is t, t.rsplit()[0] is t, t.strip() is t, t.rstrip("z") is t)
print(t.split("l"), t.rsplit("l"), t.split("l", 1), t.rsplit("l", 1))
