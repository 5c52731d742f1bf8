# The common methods of str, each result printed with repr so whitespace shows.

def p(*args):
    print(*[repr(a) for a in args])

s = "  Hello, World! Hello!  "
p(s.strip(), s.lstrip(), s.rstrip(), s.strip(" !H"), "xxhixx".strip("x"), "\t\n x \r\f\v".strip())
p(s.split(), s.split(","), s.split("Hello"), "a,b,,c".split(","), "a,b,,c".split(",", 1), "".split(), "".split(","))
p("a b  c".split(" "), "  a  b  ".split(None, 1), "a,b,c".rsplit(",", 1), "  a  b  ".rsplit(None, 1), "abc".split("b", 0))
p("l1\nl2\r\nl3\rl4\n".splitlines(), "l1\nl2\n".splitlines(True), "".splitlines(), "x\x0by\x1cz".splitlines())
p("-".join(["a", "b"]), ", ".join(map(str, range(4))), "".join(("x", "y")))
p(s.replace("Hello", "Bye"), s.replace("Hello", "Bye", 1), "aaa".replace("a", "b", 2), "abc".replace("", "-"))
p(s.find("Hello"), s.rfind("Hello"), s.find("nope"), s.index("World"), s.rindex("l"), s.find("l", 10), s.find("l", 2, 5))
p(s.count("l"), s.count("Hello"), "aaaa".count("aa"), "abc".count(""), s.count("l", 0, 10))
p(s.startswith("  H"), s.endswith("!  "), s.startswith(("x", "  ")), "abc".startswith("b", 1), "abc".endswith("b", 0, 2))
for w in ("hello world", "HELLO", "hello", "Hello World", "hELLO wORLD", "it's a dog's-life 3rd", "ß straße"):
    p(w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
    p(w.isupper(), w.islower(), w.istitle(), w.isalpha(), w.isspace())
p("abc".center(9), "abc".center(9, "*"), "abc".center(8, "*"), "abc".ljust(6, "."), "abc".rjust(6), "abc".center(2))
p("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(5), "".zfill(3), "12345".zfill(3))
p("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
p("pre_name".removeprefix("pre_"), "pre_name".removeprefix("x"), "file.txt".removesuffix(".txt"), "a".removesuffix(""))
p("a\tbc\td".expandtabs(), "a\tbc\td".expandtabs(4), "\t".expandtabs(0), "ab\n\tc".expandtabs(2))
for t in ("123", "12.5", "", "abc", "abc123", "   ", "\t\n", "Ⅻ", "½", "²", "٣", "ab_c", "_x1", "1x", "if", "Hi There"):
    p(t, t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(), t.isalpha(), t.isidentifier(), t.isspace(),
      t.isascii(), t.isprintable(), t.istitle())
tbl = str.maketrans("abc", "xyz", "d")
p(tbl, "abcdef".translate(tbl), "hello".translate({ord("l"): "L", ord("o"): None}), str.maketrans({"a": "1"}))
p("{}-{}".format(1, 2), "%s!" % "hi", "Ab".encode(), "abc".index("c"), "a-b_c d".title())
p(str.upper("x"), str.join("+", "abc"), "x".__mul__(3), "abc"[1:].upper().center(5, "~"))
for bad in (lambda: "abc".index("z"), lambda: "abc".rindex("z"), lambda: "a".center(3, "ab"),
            lambda: "abc".split(""), lambda: ",".join([1, 2]), lambda: "x".replace(1, 2)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
