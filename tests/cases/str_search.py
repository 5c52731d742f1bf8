# str searching: find/rfind/index/rindex/count, startswith/endswith, replace,
# partition/rpartition, with code-point indices on non-ASCII text.
# Each line shows an expression and its repr, or the exception it raises.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))

print("-- find")
for label, f in (
    ('"héllo wörld héllo".find("héllo")', lambda: "héllo wörld héllo".find("héllo")),
    ('"héllo wörld héllo".find("héllo", 1)', lambda: "héllo wörld héllo".find("héllo", 1)),
    ('"héllo wörld héllo".find("ö")', lambda: "héllo wörld héllo".find("ö")),
    ('"héllo wörld héllo".find("ö", 8)', lambda: "héllo wörld héllo".find("ö", 8)),
    ('"héllo wörld héllo".find("l", -5)', lambda: "héllo wörld héllo".find("l", -5)),
    ('"héllo wörld héllo".find("l", -5, -3)', lambda: "héllo wörld héllo".find("l", -5, -3)),
    ('"héllo wörld héllo".find("", 100)', lambda: "héllo wörld héllo".find("", 100)),
    ('"héllo wörld héllo".find("", 17)', lambda: "héllo wörld héllo".find("", 17)),
    ('"héllo wörld héllo".find("", 18)', lambda: "héllo wörld héllo".find("", 18)),
    ('"héllo wörld héllo".find("", -100)', lambda: "héllo wörld héllo".find("", -100)),
    ('"héllo wörld héllo".find("", 3, 2)', lambda: "héllo wörld héllo".find("", 3, 2)),
    ('"héllo wörld héllo".find("llo", 2, 5)', lambda: "héllo wörld héllo".find("llo", 2, 5)),
    ('"héllo wörld héllo".find("llo", 2, 4)', lambda: "héllo wörld héllo".find("llo", 2, 4)),
    ('"日本語日本".find("本", 2)', lambda: "日本語日本".find("本", 2)),
    ('"a😀b😀c".find("b")', lambda: "a😀b😀c".find("b")),
    ('"a😀b😀c".find("😀", 2)', lambda: "a😀b😀c".find("😀", 2)),
    ('"abc".find("b", True)', lambda: "abc".find("b", True)),
    ('"abc".find("c", None, None)', lambda: "abc".find("c", None, None)),
    ('"abc".find("c", -10**30, 10**30)', lambda: "abc".find("c", -10**30, 10**30)),
    ('"abc".find("c", 10**30)', lambda: "abc".find("c", 10**30)),
    ('"".find("")', lambda: "".find("")),
    ('"".find("a")', lambda: "".find("a")),
    ('"aaa".find("aa", 1)', lambda: "aaa".find("aa", 1)),
    ('"héllo wörld héllo".rfind("héllo")', lambda: "héllo wörld héllo".rfind("héllo")),
    ('"héllo wörld héllo".rfind("l")', lambda: "héllo wörld héllo".rfind("l")),
    ('"héllo wörld héllo".rfind("l", 0, 4)', lambda: "héllo wörld héllo".rfind("l", 0, 4)),
    ('"héllo wörld héllo".rfind("")', lambda: "héllo wörld héllo".rfind("")),
    ('"héllo wörld héllo".rfind("", 3, 5)', lambda: "héllo wörld héllo".rfind("", 3, 5)),
    ('"abc".rfind("", 1, 2)', lambda: "abc".rfind("", 1, 2)),
    ('"abc".rfind("abcd")', lambda: "abc".rfind("abcd")),
    ('"aaaa".rfind("aa")', lambda: "aaaa".rfind("aa")),
    ('"a😀b😀c".rfind("😀")', lambda: "a😀b😀c".rfind("😀")),
    ('"héllo wörld héllo".index("wörld")', lambda: "héllo wörld héllo".index("wörld")),
    ('"héllo wörld héllo".rindex("é")', lambda: "héllo wörld héllo".rindex("é")),
    ('"abc".index("d")', lambda: "abc".index("d")),
    ('"abc".rindex("a", 1)', lambda: "abc".rindex("a", 1)),
    ('"abc".index("", 4)', lambda: "abc".index("", 4)),
    ('"abc".find(1)', lambda: "abc".find(1)),
    ('"abc".rfind(None)', lambda: "abc".rfind(None)),
    ('"abc".index(["a"])', lambda: "abc".index(["a"])),
    ('"abc".rindex(b"a")', lambda: "abc".rindex(b"a")),
    ('"abc".find()', lambda: "abc".find()),
    ('"abc".find("a", 1, 2, 3)', lambda: "abc".find("a", 1, 2, 3)),
    ('"abc".find(sub="a")', lambda: "abc".find(sub="a")),
    ('"abc".find("a", "1")', lambda: "abc".find("a", "1")),
    ('"abc".find("a", 1.5)', lambda: "abc".find("a", 1.5)),
    ('"abc".find("a", 0, [])', lambda: "abc".find("a", 0, [])),
):
    show(label, f)

print("-- count")
for label, f in (
    ('"héllo wörld héllo".count("l")', lambda: "héllo wörld héllo".count("l")),
    ('"héllo wörld héllo".count("héllo")', lambda: "héllo wörld héllo".count("héllo")),
    ('"héllo wörld héllo".count("l", 5)', lambda: "héllo wörld héllo".count("l", 5)),
    ('"héllo wörld héllo".count("l", 5, -3)', lambda: "héllo wörld héllo".count("l", 5, -3)),
    ('"héllo wörld héllo".count("")', lambda: "héllo wörld héllo".count("")),
    ('"héllo wörld héllo".count("", 5)', lambda: "héllo wörld héllo".count("", 5)),
    ('"héllo wörld héllo".count("", 5, 2)', lambda: "héllo wörld héllo".count("", 5, 2)),
    ('"abc".count("", 3)', lambda: "abc".count("", 3)),
    ('"abc".count("", 4)', lambda: "abc".count("", 4)),
    ('"abc".count("", -100, 100)', lambda: "abc".count("", -100, 100)),
    ('"aaaa".count("aa")', lambda: "aaaa".count("aa")),
    ('"aaaaa".count("aa", 1)', lambda: "aaaaa".count("aa", 1)),
    ('"日日日".count("日日")', lambda: "日日日".count("日日")),
    ('"".count("")', lambda: "".count("")),
    ('"".count("a")', lambda: "".count("a")),
    ('"abc".count(1)', lambda: "abc".count(1)),
    ('"abc".count()', lambda: "abc".count()),
    ('"abc".count("a", 0, 1, 2)', lambda: "abc".count("a", 0, 1, 2)),
):
    show(label, f)

print("-- startswith and endswith")
for label, f in (
    ('"héllo wörld héllo".startswith("hé")', lambda: "héllo wörld héllo".startswith("hé")),
    ('"héllo wörld héllo".startswith("é", 1)', lambda: "héllo wörld héllo".startswith("é", 1)),
    ('"héllo wörld héllo".startswith("ll", 2, 4)', lambda: "héllo wörld héllo".startswith("ll", 2, 4)),
    ('"héllo wörld héllo".startswith("llo", 2, 4)', lambda: "héllo wörld héllo".startswith("llo", 2, 4)),
    ('"héllo wörld héllo".endswith("llo")', lambda: "héllo wörld héllo".endswith("llo")),
    ('"héllo wörld héllo".endswith("wörld", 0, 11)', lambda: "héllo wörld héllo".endswith("wörld", 0, 11)),
    ('"héllo wörld héllo".endswith("ö", 0, -9)', lambda: "héllo wörld héllo".endswith("ö", 0, -9)),
    ('"héllo wörld héllo".startswith(("x", "hé"))', lambda: "héllo wörld héllo".startswith(("x", "hé"))),
    ('"héllo wörld héllo".endswith(("x", "y"))', lambda: "héllo wörld héllo".endswith(("x", "y"))),
    ('"héllo wörld héllo".startswith(())', lambda: "héllo wörld héllo".startswith(())),
    ('"abc".startswith("", 3)', lambda: "abc".startswith("", 3)),
    ('"abc".startswith("", 4)', lambda: "abc".startswith("", 4)),
    ('"abc".endswith("", 3, 2)', lambda: "abc".endswith("", 3, 2)),
    ('"abc".endswith("", -1)', lambda: "abc".endswith("", -1)),
    ('"abc".startswith("abc", -100)', lambda: "abc".startswith("abc", -100)),
    ('"abc".endswith("abcd")', lambda: "abc".endswith("abcd")),
    ('"abc".startswith(("a", 1))', lambda: "abc".startswith(("a", 1))),
    ('"abc".startswith((1, "a"))', lambda: "abc".startswith((1, "a"))),
    ('"abc".endswith(["c"])', lambda: "abc".endswith(["c"])),
    ('"abc".startswith(1)', lambda: "abc".startswith(1)),
    ('"abc".endswith(None)', lambda: "abc".endswith(None)),
    ('"abc".startswith("a", "x")', lambda: "abc".startswith("a", "x")),
    ('"abc".startswith()', lambda: "abc".startswith()),
    ('"abc".endswith("c", 0, 3, 4)', lambda: "abc".endswith("c", 0, 3, 4)),
    ('"abc".startswith(prefix="a")', lambda: "abc".startswith(prefix="a")),
):
    show(label, f)

print("-- replace")
for label, f in (
    ('"héllo wörld héllo".replace("héllo", "bye")', lambda: "héllo wörld héllo".replace("héllo", "bye")),
    ('"héllo wörld héllo".replace("l", "L", 2)', lambda: "héllo wörld héllo".replace("l", "L", 2)),
    ('"héllo wörld héllo".replace("l", "L", count=3)', lambda: "héllo wörld héllo".replace("l", "L", count=3)),
    ('"héllo wörld héllo".replace("ö", "oe")', lambda: "héllo wörld héllo".replace("ö", "oe")),
    ('"héllo wörld héllo".replace("", "|")', lambda: "héllo wörld héllo".replace("", "|")),
    ('"héllo wörld héllo".replace("", "|", 3)', lambda: "héllo wörld héllo".replace("", "|", 3)),
    ('"".replace("", "x")', lambda: "".replace("", "x")),
    ('"".replace("", "x", 0)', lambda: "".replace("", "x", 0)),
    ('"".replace("a", "b")', lambda: "".replace("a", "b")),
    ('"abc".replace("", "-", -1)', lambda: "abc".replace("", "-", -1)),
    ('"aaa".replace("a", "b", -5)', lambda: "aaa".replace("a", "b", -5)),
    ('"aaa".replace("aa", "b")', lambda: "aaa".replace("aa", "b")),
    ('"aaa".replace("a", "")', lambda: "aaa".replace("a", "")),
    ('"abc".replace("abcd", "x")', lambda: "abc".replace("abcd", "x")),
    ('"abc".replace("b", "日本")', lambda: "abc".replace("b", "日本")),
    ('"日本".replace("日", "x")', lambda: "日本".replace("日", "x")),
    ('"a😀b".replace("😀", "")', lambda: "a😀b".replace("😀", "")),
    ('"abc".replace("a", "b", 0)', lambda: "abc".replace("a", "b", 0)),
    ('"ab".replace("a", "c", 10**30)', lambda: "ab".replace("a", "c", 10**30)),
    ('"ab".replace("a", "c", -10**30)', lambda: "ab".replace("a", "c", -10**30)),
    ('"abc".replace("a")', lambda: "abc".replace("a")),
    ('"abc".replace(1, "b")', lambda: "abc".replace(1, "b")),
    ('"abc".replace("a", 1)', lambda: "abc".replace("a", 1)),
    ('"abc".replace("a", "b", 1.5)', lambda: "abc".replace("a", "b", 1.5)),
    ('"abc".replace("a", "b", count=None)', lambda: "abc".replace("a", "b", count=None)),
    ('"abc".replace("a", "b", 1, 2)', lambda: "abc".replace("a", "b", 1, 2)),
    ('"abc".replace("a", "b", count=1, x=2)', lambda: "abc".replace("a", "b", count=1, x=2)),
    ('"abc".replace(old="a", new="b")', lambda: "abc".replace(old="a", new="b")),
):
    show(label, f)

print("-- partition")
for label, f in (
    ('"héllo wörld héllo".partition(" ")', lambda: "héllo wörld héllo".partition(" ")),
    ('"héllo wörld héllo".rpartition(" ")', lambda: "héllo wörld héllo".rpartition(" ")),
    ('"héllo wörld héllo".partition("ö")', lambda: "héllo wörld héllo".partition("ö")),
    ('"héllo wörld héllo".partition("xyz")', lambda: "héllo wörld héllo".partition("xyz")),
    ('"héllo wörld héllo".rpartition("xyz")', lambda: "héllo wörld héllo".rpartition("xyz")),
    ('"a==b==c".partition("==")', lambda: "a==b==c".partition("==")),
    ('"a==b==c".rpartition("==")', lambda: "a==b==c".rpartition("==")),
    ('"aaa".rpartition("aa")', lambda: "aaa".rpartition("aa")),
    ('"".partition("x")', lambda: "".partition("x")),
    ('"abc".partition("")', lambda: "abc".partition("")),
    ('"abc".rpartition("")', lambda: "abc".rpartition("")),
    ('"abc".partition(1)', lambda: "abc".partition(1)),
    ('"abc".rpartition(None)', lambda: "abc".rpartition(None)),
    ('"abc".partition()', lambda: "abc".partition()),
    ('"abc".partition("a", "b")', lambda: "abc".partition("a", "b")),
):
    show(label, f)

