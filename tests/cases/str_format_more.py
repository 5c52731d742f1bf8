# str.format and format_map: the replacement-field grammar, auto/manual
# numbering, lookups, conversions, nested specs, and every parse error.
# Each line shows an expression and its repr, or the exception it raises.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))

print("-- fields")
for label, f in (
    ('"{} {} {}".format(1, "two", 3.0)', lambda: "{} {} {}".format(1, "two", 3.0)),
    ('"{0}{1}{0}".format("a", "b")', lambda: "{0}{1}{0}".format("a", "b")),
    ('"{1}{0}".format("x", "y")', lambda: "{1}{0}".format("x", "y")),
    ('"{name}-{n}".format(name="k", n=5)', lambda: "{name}-{n}".format(name="k", n=5)),
    ('"{0[0]} {0[1]} {1[key]} {2.real} {2.imag} {3[1][0]}".format([10, 20], {"key": "v"}, 3 + 4j, (0, [7]))', lambda: "{0[0]} {0[1]} {1[key]} {2.real} {2.imag} {3[1][0]}".format([10, 20], {"key": "v"}, 3 + 4j, (0, [7]))),
    ('"{0[-1]}".format({"-1": "str key"})', lambda: "{0[-1]}".format({"-1": "str key"})),
    ('"{0[a]}".format({"a": 5})', lambda: "{0[a]}".format({"a": 5})),
    ('"{0[1]}".format({1: "int key"})', lambda: "{0[1]}".format({1: "int key"})),
    ('"{0[01]}".format(["x", "y"])', lambda: "{0[01]}".format(["x", "y"])),
    ('"{0[1]}".format("xy")', lambda: "{0[1]}".format("xy")),
    ('"{٣}".format(0, 1, 2, 3)', lambda: "{٣}".format(0, 1, 2, 3)),
    ('"{0[٣]}".format("abcd")', lambda: "{0[٣]}".format("abcd")),
    ('"{a[:]}".format(a={":": 3})', lambda: "{a[:]}".format(a={":": 3})),
    ('"{a[{]}".format(a={"{": 3})', lambda: "{a[{]}".format(a={"{": 3})),
    ('"{a[}]}".format(a={"}": 4})', lambda: "{a[}]}".format(a={"}": 4})),
    ('"{0.__class__.__name__}".format(1)', lambda: "{0.__class__.__name__}".format(1)),
    ('"{0[0][1]}".format(["ab"])', lambda: "{0[0][1]}".format(["ab"])),
    ('"{0.real.imag}".format(3)', lambda: "{0.real.imag}".format(3)),
    ('"{[0]}".format([7])', lambda: "{[0]}".format([7])),
    ('"{.real}".format(5)', lambda: "{.real}".format(5)),
    ('"{é}".format(é=1)', lambda: "{é}".format(é=1)),
    ('"{日本}".format(日本="jp")', lambda: "{日本}".format(日本="jp")),
    ('"{0!r} {0!s} {0!a}".format("é日")', lambda: "{0!r} {0!s} {0!a}".format("é日")),
    ('"{0!r:>8}|{0!s:^5}".format("x")', lambda: "{0!r:>8}|{0!s:^5}".format("x")),
    ('"{!a}".format("😀")', lambda: "{!a}".format("😀")),
    ('"{{}} {{{}}} {{0}}".format("in")', lambda: "{{}} {{{}}} {{0}}".format("in")),
    ('"{{{0}}}".format(1)', lambda: "{{{0}}}".format(1)),
    ('"}}{{".format()', lambda: "}}{{".format()),
    ('"plain".format()', lambda: "plain".format()),
    ('"".format()', lambda: "".format()),
    ('"{}".format("")', lambda: "{}".format("")),
    ('"{0}".format(None)', lambda: "{0}".format(None)),
    ('"{0:}".format(None)', lambda: "{0:}".format(None)),
    ('"{0!s:}".format(5)', lambda: "{0!s:}".format(5)),
    ('"{!r:}".format(5)', lambda: "{!r:}".format(5)),
):
    show(label, f)

print("-- specs")
for label, f in (
    ('"{:>8}|{:<8}|{:^8}|{:*^8}".format("r", "l", "c", "s")', lambda: "{:>8}|{:<8}|{:^8}|{:*^8}".format("r", "l", "c", "s")),
    ('"{:08.3f}|{:+d}|{:,}|{:_b}".format(3.14159, 5, 10**6, 255)', lambda: "{:08.3f}|{:+d}|{:,}|{:_b}".format(3.14159, 5, 10**6, 255)),
    ('"{:{}}|{:{}.{}f}".format("w", 6, 2.5, 8, 2)', lambda: "{:{}}|{:{}.{}f}".format("w", 6, 2.5, 8, 2)),
    ('"{:{fill}{align}{width}}".format("x", fill="-", align="^", width=7)', lambda: "{:{fill}{align}{width}}".format("x", fill="-", align="^", width=7)),
    ('"{0:{1}{2}}".format(3.14159, ".", "3f")', lambda: "{0:{1}{2}}".format(3.14159, ".", "3f")),
    ('"{0:^{1}.{2}}".format("hello", 9, 2)', lambda: "{0:^{1}.{2}}".format("hello", 9, 2)),
    ('"{0:{a}}".format(5, a="05")', lambda: "{0:{a}}".format(5, a="05")),
    ('"{0!r:{1}}".format("a", 6)', lambda: "{0!r:{1}}".format("a", 6)),
    ('"{0:{1!r}}".format(1, 2)', lambda: "{0:{1!r}}".format(1, 2)),
    ('"{:{}}{}".format("x", 5, "y")', lambda: "{:{}}{}".format("x", 5, "y")),
    ('"{0:{{}}}".format(1)', lambda: "{0:{{}}}".format(1)),
    ('"{0:>{1}}".format("x", 10**30)', lambda: "{0:>{1}}".format("x", 10**30)),
    ('"{0:>{1}}".format("x", "abc")', lambda: "{0:>{1}}".format("x", "abc")),
    ('"{0:d}".format(1.5)', lambda: "{0:d}".format(1.5)),
    ('"{0:x}".format("s")', lambda: "{0:x}".format("s")),
    ('"{0:%}".format(None)', lambda: "{0:%}".format(None)),
    ('"{0:x<5}".format([1])', lambda: "{0:x<5}".format([1])),
    ('"{:!r}".format(5)', lambda: "{:!r}".format(5)),
    ('"{0:=+8}".format(-42)', lambda: "{0:=+8}".format(-42)),
    ('"{0:é^5}".format("a")', lambda: "{0:é^5}".format("a")),
):
    show(label, f)

print("-- errors")
for label, f in (
    ('"{".format()', lambda: "{".format()),
    ('"}".format()', lambda: "}".format()),
    ('"a}b".format()', lambda: "a}b".format()),
    ('"a{b".format()', lambda: "a{b".format()),
    ('"{0}".format()', lambda: "{0}".format()),
    ('"{}".format()', lambda: "{}".format()),
    ('"{} {}".format(1)', lambda: "{} {}".format(1)),
    ('"{2}".format(1, 2)', lambda: "{2}".format(1, 2)),
    ('"{x}".format()', lambda: "{x}".format()),
    ('"{x}".format(y=1)', lambda: "{x}".format(y=1)),
    ('"{0!}".format(1)', lambda: "{0!}".format(1)),
    ('"{0!r".format(1)', lambda: "{0!r".format(1)),
    ('"{0!rx}".format(1)', lambda: "{0!rx}".format(1)),
    ('"{0!".format(1)', lambda: "{0!".format(1)),
    ('"{0:".format(1)', lambda: "{0:".format(1)),
    ('"{0:{}".format(1)', lambda: "{0:{}".format(1)),
    ('"{0".format(1)', lambda: "{0".format(1)),
    ('"{0[}".format([1])', lambda: "{0[}".format([1])),
    ('"{0[0]x}".format([1])', lambda: "{0[0]x}".format([1])),
    ('"{0.}".format(1)', lambda: "{0.}".format(1)),
    ('"{0[]}".format([1])', lambda: "{0[]}".format([1])),
    ('"{0..real}".format(1)', lambda: "{0..real}".format(1)),
    ('"{0{}".format(1)', lambda: "{0{}".format(1)),
    ('"{0]}".format([1])', lambda: "{0]}".format([1])),
    ('"{0}}".format(1)', lambda: "{0}}".format(1)),
    ('"{:}}".format(1)', lambda: "{:}}".format(1)),
    ('"{0:{1:{2}}}".format("a", "s", "")', lambda: "{0:{1:{2}}}".format("a", "s", "")),
    ('"{}{1}".format(1, 2)', lambda: "{}{1}".format(1, 2)),
    ('"{1}{}".format(1, 2)', lambda: "{1}{}".format(1, 2)),
    ('"{0:{}}".format(1, 2)', lambda: "{0:{}}".format(1, 2)),
    ('"{:{0}}".format(1, 2)', lambda: "{:{0}}".format(1, 2)),
    ('"{!é}".format(1)', lambda: "{!é}".format(1)),
    ('"{!\\x01}".format(1)', lambda: "{!\x01}".format(1)),
    ('"{!x}".format(1)', lambda: "{!x}".format(1)),
    ('"{!:}".format(1)', lambda: "{!:}".format(1)),
    ('"{0!:}".format(1)', lambda: "{0!:}".format(1)),
    ('"{99999999999999999999}".format()', lambda: "{99999999999999999999}".format()),
    ('"{0[99999999999999999999]}".format([])', lambda: "{0[99999999999999999999]}".format([])),
    ('"{0[5]}".format([1])', lambda: "{0[5]}".format([1])),
    ('"{0[5]}".format("xy")', lambda: "{0[5]}".format("xy")),
    ('"{0[-1]}".format([1, 2])', lambda: "{0[-1]}".format([1, 2])),
    ('"{0.missing}".format(1)', lambda: "{0.missing}".format(1)),
    ('"{a.b}".format(a=1)', lambda: "{a.b}".format(a=1)),
    ('"{0[0]}".format(5)', lambda: "{0[0]}".format(5)),
    ('"{0[x]}".format([1])', lambda: "{0[x]}".format([1])),
):
    show(label, f)

print("-- format_map")
for label, f in (
    ('"{a}{b}".format_map({"a": 1, "b": 2})', lambda: "{a}{b}".format_map({"a": 1, "b": 2})),
    ('"{x[0]}".format_map({"x": "hey"})', lambda: "{x[0]}".format_map({"x": "hey"})),
    ('"{a.real}".format_map({"a": 2j})', lambda: "{a.real}".format_map({"a": 2j})),
    ('"plain".format_map(None)', lambda: "plain".format_map(None)),
    ('"{0}".format_map({})', lambda: "{0}".format_map({})),
    ('"{}".format_map({})', lambda: "{}".format_map({})),
    ('"{a}".format_map({})', lambda: "{a}".format_map({})),
    ('"{a}".format_map(5)', lambda: "{a}".format_map(5)),
    ('"{a}".format_map(None)', lambda: "{a}".format_map(None)),
    ('"{x}".format_map([])', lambda: "{x}".format_map([])),
    ('"{a[b]}".format_map({"a": {}})', lambda: "{a[b]}".format_map({"a": {}})),
    ('"{a:{b}}".format_map({"a": 3, "b": "03"})', lambda: "{a:{b}}".format_map({"a": 3, "b": "03"})),
    ('"a".format_map()', lambda: "a".format_map()),
    ('"a".format_map({}, {})', lambda: "a".format_map({}, {})),
    ('"a".format_map(m={})', lambda: "a".format_map(m={})),
):
    show(label, f)

print("-- identity")
t = "hello"
print("{}".format(t) is t, t.format() is t, "{0}".format(t) is t, "{:}".format(t) is t, "x{}".format(t) is t,
      t.format_map({}) is t)
print("{:3}".format(t) is t, format(t, "3") is t, format(t, "<5") is t, format(t, "6") is t, format(t, ".9") is t,
      t.__format__("") is t, format(t, ".2") is t, f"{t:5}" is t)
