# The rest of str's methods: padding, zfill, expandtabs, join, affixes,
# translate/maketrans, encode, case mapping and predicates on non-ASCII text,
# the small dunders, and every method's argument errors.
# Each line shows an expression and its repr, or the exception it raises.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))

print("-- padding")
for label, f in (
    ('"abc".center(8)', lambda: "abc".center(8)),
    ('"abc".center(9, "*")', lambda: "abc".center(9, "*")),
    ('"ab".center(5, "-")', lambda: "ab".center(5, "-")),
    ('"abc".center(6, "-")', lambda: "abc".center(6, "-")),
    ('"é".center(4, "日")', lambda: "é".center(4, "日")),
    ('"abc".center(2)', lambda: "abc".center(2)),
    ('"abc".center(-5)', lambda: "abc".center(-5)),
    ('"abc".ljust(6, "😀")', lambda: "abc".ljust(6, "😀")),
    ('"abc".rjust(6, "é")', lambda: "abc".rjust(6, "é")),
    ('"".center(3, "x")', lambda: "".center(3, "x")),
    ('"abc".center(5, fillchar="x")', lambda: "abc".center(5, fillchar="x")),
    ('"abc".center()', lambda: "abc".center()),
    ('"abc".center("5")', lambda: "abc".center("5")),
    ('"abc".center(1.5)', lambda: "abc".center(1.5)),
    ('"abc".center(5, 1)', lambda: "abc".center(5, 1)),
    ('"abc".center(5, "")', lambda: "abc".center(5, "")),
    ('"abc".ljust(5, "ab")', lambda: "abc".ljust(5, "ab")),
    ('"abc".rjust(5, None)', lambda: "abc".rjust(5, None)),
    ('"abc".center(5, "x", "y")', lambda: "abc".center(5, "x", "y")),
    ('"abc".ljust(10**30)', lambda: "abc".ljust(10**30)),
    ('"abc".rjust(-10**30)', lambda: "abc".rjust(-10**30)),
    ('"abc".center(2**62)', lambda: "abc".center(2**62)),
    ('"42".zfill(5)', lambda: "42".zfill(5)),
    ('"-42".zfill(5)', lambda: "-42".zfill(5)),
    ('"+42".zfill(5)', lambda: "+42".zfill(5)),
    ('"--4".zfill(5)', lambda: "--4".zfill(5)),
    ('"abc".zfill(5)', lambda: "abc".zfill(5)),
    ('"".zfill(3)', lambda: "".zfill(3)),
    ('"-".zfill(3)', lambda: "-".zfill(3)),
    ('"12345".zfill(3)', lambda: "12345".zfill(3)),
    ('"日".zfill(3)', lambda: "日".zfill(3)),
    ('"-日".zfill(4)', lambda: "-日".zfill(4)),
    ('"a".zfill(-1)', lambda: "a".zfill(-1)),
    ('"a".zfill()', lambda: "a".zfill()),
    ('"a".zfill("x")', lambda: "a".zfill("x")),
    ('"a".zfill(1.5)', lambda: "a".zfill(1.5)),
    ('"a".zfill(-10**30)', lambda: "a".zfill(-10**30)),
    ('"a".zfill(2**62)', lambda: "a".zfill(2**62)),
):
    show(label, f)

print("-- expandtabs")
for label, f in (
    ('"a\\tbc\\td".expandtabs()', lambda: "a\tbc\td".expandtabs()),
    ('"a\\tbc\\td".expandtabs(4)', lambda: "a\tbc\td".expandtabs(4)),
    ('"a\\tbc\\td".expandtabs(tabsize=3)', lambda: "a\tbc\td".expandtabs(tabsize=3)),
    ('"a\\tb".expandtabs(0)', lambda: "a\tb".expandtabs(0)),
    ('"a\\tb".expandtabs(-4)', lambda: "a\tb".expandtabs(-4)),
    ('"ab\\n\\tc\\r\\td".expandtabs(2)', lambda: "ab\n\tc\r\td".expandtabs(2)),
    ('"日本\\t語".expandtabs(4)', lambda: "日本\t語".expandtabs(4)),
    ('"\\t\\t".expandtabs(1)', lambda: "\t\t".expandtabs(1)),
    ('"no tabs".expandtabs()', lambda: "no tabs".expandtabs()),
    ('"a\\tb".expandtabs(True)', lambda: "a\tb".expandtabs(True)),
    ('"a".expandtabs("x")', lambda: "a".expandtabs("x")),
    ('"a".expandtabs(1.5)', lambda: "a".expandtabs(1.5)),
    ('"a".expandtabs(x=4)', lambda: "a".expandtabs(x=4)),
    ('"a".expandtabs(4, 5)', lambda: "a".expandtabs(4, 5)),
    ('"a".expandtabs(2**70)', lambda: "a".expandtabs(2**70)),
    ('"a\\tb".expandtabs(-10**30)', lambda: "a\tb".expandtabs(-10**30)),
):
    show(label, f)

print("-- join")
for label, f in (
    ('"-".join(["a", "b", "c"])', lambda: "-".join(["a", "b", "c"])),
    ('", ".join(("x",))', lambda: ", ".join(("x",))),
    ('"".join([])', lambda: "".join([])),
    ('"日".join("abc")', lambda: "日".join("abc")),
    ('"-".join(iter(["p", "q"]))', lambda: "-".join(iter(["p", "q"]))),
    ('"-".join({"k": 1, "v": 2})', lambda: "-".join({"k": 1, "v": 2})),
    ('"-".join("")', lambda: "-".join("")),
    ('"-".join(["a", 1])', lambda: "-".join(["a", 1])),
    ('"-".join([None])', lambda: "-".join([None])),
    ('"-".join(5)', lambda: "-".join(5)),
    ('"-".join(None)', lambda: "-".join(None)),
    ('"-".join()', lambda: "-".join()),
    ('"-".join([], [])', lambda: "-".join([], [])),
    ('"-".join(x=[])', lambda: "-".join(x=[])),
):
    show(label, f)

print("-- affixes")
for label, f in (
    ('"pre_name".removeprefix("pre_")', lambda: "pre_name".removeprefix("pre_")),
    ('"pre_name".removeprefix("x")', lambda: "pre_name".removeprefix("x")),
    ('"pre_name".removeprefix("")', lambda: "pre_name".removeprefix("")),
    ('"name.txt".removesuffix(".txt")', lambda: "name.txt".removesuffix(".txt")),
    ('"name.txt".removesuffix("")', lambda: "name.txt".removesuffix("")),
    ('"日本語".removeprefix("日")', lambda: "日本語".removeprefix("日")),
    ('"日本語".removesuffix("語")', lambda: "日本語".removesuffix("語")),
    ('"a".removeprefix(1)', lambda: "a".removeprefix(1)),
    ('"a".removesuffix(None)', lambda: "a".removesuffix(None)),
    ('"a".removeprefix()', lambda: "a".removeprefix()),
    ('"a".removesuffix("a", "b")', lambda: "a".removesuffix("a", "b")),
):
    show(label, f)

print("-- translate and maketrans")
for label, f in (
    ('str.maketrans("abc", "xyz")', lambda: str.maketrans("abc", "xyz")),
    ('str.maketrans("abc", "xyz", "d")', lambda: str.maketrans("abc", "xyz", "d")),
    ('str.maketrans("é", "ü", "x")', lambda: str.maketrans("é", "ü", "x")),
    ('str.maketrans("", "", "ab")', lambda: str.maketrans("", "", "ab")),
    ('str.maketrans({"a": "1", 98: None, "c": 3})', lambda: str.maketrans({"a": "1", 98: None, "c": 3})),
    ('str.maketrans({})', lambda: str.maketrans({})),
    ('"abcdef".translate(str.maketrans("abc", "xyz", "d"))', lambda: "abcdef".translate(str.maketrans("abc", "xyz", "d"))),
    ('"hello".translate({ord("l"): "L", ord("o"): None})', lambda: "hello".translate({ord("l"): "L", ord("o"): None})),
    ('"hello".translate({ord("l"): "LL", ord("h"): ""})', lambda: "hello".translate({ord("l"): "LL", ord("h"): ""})),
    ('"hello".translate({ord("l"): None, ord("o"): None})', lambda: "hello".translate({ord("l"): None, ord("o"): None})),
    ('"hello".translate({104: 0x65e5})', lambda: "hello".translate({104: 0x65e5})),
    ('"héllo".translate({ord("é"): "e", ord("l"): 76})', lambda: "héllo".translate({ord("é"): "e", ord("l"): 76})),
    ('"日本".translate({ord("日"): "😀"})', lambda: "日本".translate({ord("日"): "😀"})),
    ('"abc".translate({})', lambda: "abc".translate({})),
    ('"abc".translate([])', lambda: "abc".translate([])),
    ('"abc".translate(["A", "B"])', lambda: "abc".translate(["A", "B"])),
    ('"abc".translate("XYZ")', lambda: "abc".translate("XYZ")),
    ('"abc".translate({97: 1.5})', lambda: "abc".translate({97: 1.5})),
    ('"abc".translate({97: -1})', lambda: "abc".translate({97: -1})),
    ('"abc".translate({97: 0x110000})', lambda: "abc".translate({97: 0x110000})),
    ('"abc".translate({97: 2**70})', lambda: "abc".translate({97: 2**70})),
    ('"abc".translate(None)', lambda: "abc".translate(None)),
    ('"abc".translate(5)', lambda: "abc".translate(5)),
    ('"".translate(None)', lambda: "".translate(None)),
    ('"abc".translate()', lambda: "abc".translate()),
    ('str.maketrans()', lambda: str.maketrans()),
    ('str.maketrans(1)', lambda: str.maketrans(1)),
    ('str.maketrans([("a", "b")])', lambda: str.maketrans([("a", "b")])),
    ('str.maketrans("ab", "c")', lambda: str.maketrans("ab", "c")),
    ('str.maketrans({1.5: 2})', lambda: str.maketrans({1.5: 2})),
    ('str.maketrans({"ab": 2})', lambda: str.maketrans({"ab": 2})),
    ('str.maketrans({(1,): 2})', lambda: str.maketrans({(1,): 2})),
    ('str.maketrans(1, 2)', lambda: str.maketrans(1, 2)),
    ('str.maketrans(1, "b")', lambda: str.maketrans(1, "b")),
    ('str.maketrans({"a": 1}, "b")', lambda: str.maketrans({"a": 1}, "b")),
    ('str.maketrans("a", 1)', lambda: str.maketrans("a", 1)),
    ('str.maketrans("a", None)', lambda: str.maketrans("a", None)),
    ('str.maketrans("a", "b", 1)', lambda: str.maketrans("a", "b", 1)),
    ('str.maketrans("a", "b", "c", "d")', lambda: str.maketrans("a", "b", "c", "d")),
    ('str.maketrans(x={})', lambda: str.maketrans(x={})),
):
    show(label, f)

print("-- encode")
for label, f in (
    ('"héllo".encode()', lambda: "héllo".encode()),
    ('"héllo".encode("latin-1")', lambda: "héllo".encode("latin-1")),
    ('"héllo".encode("ascii", "replace")', lambda: "héllo".encode("ascii", "replace")),
    ('"héllo".encode(encoding="ascii", errors="ignore")', lambda: "héllo".encode(encoding="ascii", errors="ignore")),
    ('"héllo".encode(errors="strict")', lambda: "héllo".encode(errors="strict")),
    ('"abc".encode("ascii")', lambda: "abc".encode("ascii")),
    ('"héllo".encode("ascii")', lambda: "héllo".encode("ascii")),
    ('"a".encode(1)', lambda: "a".encode(1)),
    ('"a".encode(None)', lambda: "a".encode(None)),
    ('"a".encode("utf-8", 1)', lambda: "a".encode("utf-8", 1)),
    ('"a".encode(errors=None)', lambda: "a".encode(errors=None)),
    ('"a".encode("nope")', lambda: "a".encode("nope")),
    ('"a".encode("utf-8\\x00")', lambda: "a".encode("utf-8\x00")),
    ('"a".encode(encoding="utf-8", errors="strict", x=1)', lambda: "a".encode(encoding="utf-8", errors="strict", x=1)),
    ('"a".encode("utf-8", "strict", "x")', lambda: "a".encode("utf-8", "strict", "x")),
    ('"a".encode(x=1)', lambda: "a".encode(x=1)),
):
    show(label, f)

print("-- case mapping")
for label, f in (
    ('"ǅungla ǉ ﬃ ß İstanbul".upper()', lambda: "ǅungla ǉ ﬃ ß İstanbul".upper()),
    ('"ǅungla ǉ ﬃ ß İstanbul".lower()', lambda: "ǅungla ǉ ﬃ ß İstanbul".lower()),
    ('"ǅungla ǉ ﬃ ß İstanbul".title()', lambda: "ǅungla ǉ ﬃ ß İstanbul".title()),
    ('"ǅungla ǉ ﬃ ß İstanbul".capitalize()', lambda: "ǅungla ǉ ﬃ ß İstanbul".capitalize()),
    ('"ǅungla ǉ ﬃ ß İstanbul".swapcase()', lambda: "ǅungla ǉ ﬃ ß İstanbul".swapcase()),
    ('"ǅungla ǉ ﬃ ß İstanbul".casefold()', lambda: "ǅungla ǉ ﬃ ß İstanbul".casefold()),
    ('"ΣΑΣ ΟΔΟΣ".lower()', lambda: "ΣΑΣ ΟΔΟΣ".lower()),
    ('"they\'re bill\'s 3rd-class".title()', lambda: "they're bill's 3rd-class".title()),
    ('"".upper()', lambda: "".upper()),
    ('"a".upper(1)', lambda: "a".upper(1)),
    ('"a".lower(x=1)', lambda: "a".lower(x=1)),
    ('"a".title(None)', lambda: "a".title(None)),
):
    show(label, f)

print("-- predicates")
for label, f in (
    ('"ǅungla".istitle()', lambda: "ǅungla".istitle()),
    ('"Ǆ".isupper()', lambda: "Ǆ".isupper()),
    ('"ǆ".islower()', lambda: "ǆ".islower()),
    ('"ⅷ".isnumeric()', lambda: "ⅷ".isnumeric()),
    ('"ⅷ".isdigit()', lambda: "ⅷ".isdigit()),
    ('"①".isdigit()', lambda: "①".isdigit()),
    ('"①".isdecimal()', lambda: "①".isdecimal()),
    ('"٣".isdecimal()', lambda: "٣".isdecimal()),
    ('"𝟘".isdecimal()', lambda: "𝟘".isdecimal()),
    ('"\\u200b".isprintable()', lambda: "\u200b".isprintable()),
    ('"\\xa0".isprintable()', lambda: "\xa0".isprintable()),
    ('" ".isprintable()', lambda: " ".isprintable()),
    ('"\\u3000".isspace()', lambda: "\u3000".isspace()),
    ('"\\x1f".isspace()', lambda: "\x1f".isspace()),
    ('"\\u200b".isspace()', lambda: "\u200b".isspace()),
    ('"ab_1".isidentifier()', lambda: "ab_1".isidentifier()),
    ('"1ab".isidentifier()', lambda: "1ab".isidentifier()),
    ('"ℕ".isidentifier()', lambda: "ℕ".isidentifier()),
    ('"é".isascii()', lambda: "é".isascii()),
    ('"\\x7f".isascii()', lambda: "\x7f".isascii()),
    ('"".isascii()', lambda: "".isascii()),
    ('"".isalpha()', lambda: "".isalpha()),
    ('"".istitle()', lambda: "".istitle()),
    ('"a".isalpha(1)', lambda: "a".isalpha(1)),
    ('"a".isdigit(x=1)', lambda: "a".isdigit(x=1)),
    ('"a".isascii(None)', lambda: "a".isascii(None)),
):
    show(label, f)

print("-- dunders")
for label, f in (
    ('"".__sizeof__()', lambda: "".__sizeof__()),
    ('"a".__sizeof__()', lambda: "a".__sizeof__()),
    ('"abcdef".__sizeof__()', lambda: "abcdef".__sizeof__()),
    ('"é".__sizeof__()', lambda: "é".__sizeof__()),
    ('"aé".__sizeof__()', lambda: "aé".__sizeof__()),
    ('"éé".__sizeof__()', lambda: "éé".__sizeof__()),
    ('"日".__sizeof__()', lambda: "日".__sizeof__()),
    ('"日本語".__sizeof__()', lambda: "日本語".__sizeof__()),
    ('"😀".__sizeof__()', lambda: "😀".__sizeof__()),
    ('"a😀".__sizeof__()', lambda: "a😀".__sizeof__()),
    ('"a".__sizeof__(1)', lambda: "a".__sizeof__(1)),
    ('"ab".__getnewargs__()', lambda: "ab".__getnewargs__()),
    ('"ab".__getnewargs__(1)', lambda: "ab".__getnewargs__(1)),
    ('"abc".__format__("")', lambda: "abc".__format__("")),
    ('"abc".__format__(">5")', lambda: "abc".__format__(">5")),
    ('"abc".__format__("^7.2")', lambda: "abc".__format__("^7.2")),
    ('"abc".__format__("d")', lambda: "abc".__format__("d")),
    ('"abc".__format__(1)', lambda: "abc".__format__(1)),
    ('"abc".__format__()', lambda: "abc".__format__()),
    ('"abc".__format__("", "")', lambda: "abc".__format__("", "")),
    ('format("abc", "x<5")', lambda: format("abc", "x<5")),
    ('format("é", "*^5")', lambda: format("é", "*^5")),
):
    show(label, f)

print("-- identity")
t = "hello"
print(t.center(3) is t, t.zfill(2) is t, t.expandtabs() is t, t.removeprefix("z") is t, "".join([t]) is t,
      t.replace("z", "y") is t, t.replace("l", "L", 0) is t)
