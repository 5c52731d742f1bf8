#!/usr/bin/env python3.14
"""Generate the golden files of tests/golden/format/ from python3.14.

Usage (from the repository root):

    python3.14 tools/format/gen_goldens.py

Every line of every file is one case: tab-separated fields, strings escaped
with esc() below, results as `ok:<text>` or `err:<Exception>:<message>`.
tests/format_golden.rs reads them back and checks src/format/ against each.
The inputs are fixed or drawn from a seeded generator, so reruns give the
same files.
"""
import math
import random
import struct
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

assert sys.version_info[:2] == (3, 14), "goldens must come from python3.14"

OUT = Path(__file__).resolve().parents[2] / "tests" / "golden" / "format"
HEADER = "# Regenerate with: python3.14 tools/format/gen_goldens.py"


def esc(s):
    """Escape a string for one tab-separated field."""
    out = []
    for c in s:
        if c == "\\":
            out.append("\\\\")
        elif c == "\t":
            out.append("\\t")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c != " " and unicodedata.category(c)[0] in "CZ":
            out.append("\\u{%x}" % ord(c))
        else:
            out.append(c)
    return "".join(out)


def bits(x):
    return struct.pack(">d", x).hex()


def enc_int(v):
    """Ints as decimal, or as (signed) 0x hex when too long for str()."""
    if abs(v).bit_length() > 10000:
        return ("-" if v < 0 else "") + "0x" + format(abs(v), "x")
    return str(v)


def from_bits(h):
    return struct.unpack(">d", bytes.fromhex(h))[0]


def outcome(fn, *args):
    try:
        r = fn(*args)
    except Exception as e:  # noqa: BLE001 - every exception is a result
        return f"err:{type(e).__name__}:{esc(str(e))}"
    if isinstance(r, float):
        return "ok:" + bits(r)
    if isinstance(r, int):
        return "ok:" + enc_int(r)
    return "ok:" + esc(r)


def write(name, lines):
    path = OUT / name
    path.write_text(HEADER + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.relative_to(OUT.parents[2])}: {len(lines)} cases")


rng = random.Random(3_14_0)
sys.set_int_max_str_digits(4300)


# ---------------------------------------------------------------- doubles

def random_double():
    while True:
        x = from_bits("%016x" % rng.getrandbits(64))
        if math.isfinite(x):
            return x


def interesting_doubles():
    xs = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 0.5, 1.5, 2.5,
          5e-324, -5e-324, 1e-323, 2.2250738585072014e-308,
          2.225073858507201e-308, 1.7976931348623157e308,
          math.inf, -math.inf, math.nan, 2e16 + 8, 9007199254740993.0,
          123456789012345678.0, 0.000123, 1e22, 1e23, 9.999999999999999e22,
          5e-5, 2.675, 1.005, 0.125, 0.375]
    for e in range(-325, 310):
        x = float(f"1e{e}")
        xs += [x, math.nextafter(x, math.inf), math.nextafter(x, 0.0)]
    for e in range(-1074, 1024, 7):
        xs.append(math.ldexp(1.0, e))
    for k in range(1, 18):
        for _ in range(20):
            xs.append(float(f"{rng.randrange(10 ** k)}e{rng.randrange(-30, 30)}"))
    for _ in range(200):
        xs.append(from_bits("%016x" % rng.getrandbits(52)))  # subnormals
    for _ in range(1500):
        xs.append(random_double())
    # Exact values halfway between two shortest candidates: few low bits set.
    for _ in range(400):
        m = (rng.getrandbits(53) | (1 << 52)) & ~((1 << rng.randrange(0, 45)) - 1)
        xs.append(math.ldexp(m, rng.randrange(-40, 140) - 52))
    # ... and a hundred that are exactly halfway, where Gay's dtoa picks the
    # even candidate.
    ties = 0
    while ties < 100:
        m = (rng.getrandbits(53) | (1 << 52)) & ~((1 << rng.randrange(0, 45)) - 1)
        x = math.ldexp(m, rng.randrange(-40, 140) - 52)
        exact = Decimal(x).as_tuple().digits
        while exact and exact[-1] == 0:
            exact = exact[:-1]
        shortest = repr(x).split("e")[0].replace(".", "").lstrip("0").rstrip("0")
        if exact[-1] == 5 and len(exact) == len(shortest) + 1:
            xs.append(x)
            ties += 1
    # Halfway-looking decimals: n.5 times powers of ten.
    for _ in range(200):
        xs.append(float(f"{rng.randrange(1, 10 ** 6)}.5e{rng.randrange(-20, 20)}"))
    return xs


def gen_float_repr():
    lines = []
    for x in interesting_doubles():
        lines.append(f"{bits(x)}\t{esc(repr(x))}\t{esc(x.hex())}")
    write("float_repr.txt", lines)


def gen_complex_repr():
    parts = [0.0, -0.0, 1.0, -1.0, 2.5, 1e16, 1e-5, -1e-300, math.inf,
             -math.inf, math.nan, 123.456, 5e-324]
    lines = []
    for re in parts:
        for im in parts:
            lines.append(f"{bits(re)}\t{bits(im)}\t{esc(repr(complex(re, im)))}")
    write("complex_repr.txt", lines)


# ---------------------------------------------------------------- format()

INTS = [0, 1, -1, 7, -7, 42, 65, 255, -255, 1234, -1234, 1234567, -1234567,
        2 ** 31, 2 ** 63, -(2 ** 63), 2 ** 64 + 1, 10 ** 20, -(10 ** 30) - 7,
        0x10FFFF, 0x110000, 0xD7FF, 12345678901234567890123,
        2 ** 1024, -(2 ** 1030)]
# Ints around int_max_str_digits, checked against a few specs only.
BIG_INTS = [10 ** 4299, -(10 ** 4299), 10 ** 4300, -(10 ** 4300), 2 ** 20000]
BIG_SPECS = ["", "d", ",", "_", "n", "+", ">4400", "x", "e", "c", ".2"]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 1 / 3, 2 / 3,
          1234.5678, -1234.5678, 1e16, 1e15, 1e-5, 1e-4, 123456789.0,
          1e100, -1e-100, 5e-324, 1.7976931348623157e308, math.inf,
          -math.inf, math.nan, 12345678901234567890.0, 9.999999e22,
          0.000123456, 100.0, 999999.5, 0.05, 0.015, 2.675, -0.0001,
          1e300, 0.9999, 99.99, 1e22, 7.0, -123456.789]
STRS = ["", "a", "abc", "héllo", "日本語", "x" * 20, "tab\there", "😀ok",
        "  padded  ", "0123456789"]
COMPLEXES = [(1.0, 2.0), (0.0, 1.0), (-0.0, 1.0), (0.0, -0.0), (1.5, -2.5),
             (math.inf, math.nan), (1e16, 1e-5), (0.0, 0.0), (-1e-300, 1e300),
             (1234.5678, -0.001), (-1.0, -1.0), (2.675, 1 / 3)]

FILLS = ["", "", "", "<", ">", "^", "=", "*<", "*>", "*^", "0>", "x=", "€^", "0<", " ="]
SIGNS = ["", "", "+", "-", " "]
WIDTHS = ["", "", "1", "5", "8", "12", "17", "25"]
GROUPS = ["", "", "", ",", "_"]
PRECS = ["", "", "", ".0", ".1", ".2", ".3", ".6", ".10", ".17", ".20", ".40", ".,", "._", ".3_", ".4,", ".12_"]
TYPES = {
    "int": ["", "", "b", "c", "d", "o", "x", "X", "n", "e", "E", "f", "F", "g", "G", "%", "s", "r"],
    "float": ["", "", "", "e", "E", "f", "F", "g", "G", "n", "%", "d", "x", "s"],
    "str": ["", "", "s", "s", "d", "r"],
    "complex": ["", "", "", "e", "E", "f", "F", "g", "G", "n", "%", "d"],
}


def random_spec(kind):
    return (rng.choice(FILLS) + rng.choice(SIGNS) + rng.choice(["", "", "", "z"])
            + rng.choice(["", "", "#"]) + rng.choice(["", "", "0"])
            + rng.choice(WIDTHS) + rng.choice(GROUPS) + rng.choice(PRECS)
            + rng.choice(TYPES[kind]))


def garbage_spec():
    alphabet = "<>=^+- z#0123456789,_.sdfegnxXbco%!{}aé٣"
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 7)))


CURATED = ["", "<", ">5", "^9", "*^9", "=+8", "+", " ", "-", "z", "#", "0",
           "05", "010", "08,", "010_", "012,.2f", "+012,.2f", "_", ",", ".0",
           ".3", ".20", "e", ".3e", "E", "f", ".0f", "#.0f", "F", "g", ".0g",
           "#g", "#.3g", "G", "%", ".1%", "n", ".3n", "b", "#b", "_b", "#_b",
           "#012_b", "o", "#o", "x", "#x", "#X", "_x", "#010_x", "c", "10c",
           "<10c", "d", "s", "10s", ".2s", "<10.3s", ">10", "^+10.2e",
           "z.1f", "z+.1f", " =10.3f", "0=12,.4f", "._f", ",._f", "_.,e",
           ".3_e", ".4,%", "xx", ".1__f", ",,", "__", "._,", ",.", ".",
           "999999999999999999999", "9223372036854775807", "99999999999",
           ".2147483647", ".2147483648f", ".99999999999999999999", "\x80",
           ",\x80", "５", ".５f", "\u0660\u0665", "é>8", "😀^7", "+c",
           "#c", "=c", ",c", "zd", ".,n", "_n", ",s", "z", "+s", " s", "#s",
           "=s", "0=5", "x<05", "<05", "05s", "z.1", "z,c", " z#c",
           "0.2147483648", "0=.2147483648", "=.2147483648", "+z#=", "z#=",
           ".1c", ",.1", ".2147483648%", "z+"]


def gen_format():
    lines = []
    values = {
        "int": [(str(v), v) for v in INTS],
        "float": [(bits(v), v) for v in FLOATS],
        "str": [(esc(v), v) for v in STRS],
        "complex": [(f"{bits(a)},{bits(b)}", complex(a, b)) for a, b in COMPLEXES],
    }

    def add(kind, enc, v, spec):
        lines.append(f"{kind}\t{enc}\t{esc(spec)}\t{outcome(format, v, spec)}")

    for kind, vals in values.items():
        for spec in CURATED:
            for enc, v in vals:
                add(kind, enc, v, spec)
        count = {"int": 1500, "float": 2500, "str": 600, "complex": 800}[kind]
        for _ in range(count):
            spec = random_spec(kind)
            for enc, v in rng.sample(vals, 2):
                add(kind, enc, v, spec)
        for _ in range(400):
            spec = garbage_spec()
            enc, v = rng.choice(vals)
            add(kind, enc, v, spec)
    for v in BIG_INTS:
        for spec in BIG_SPECS:
            if spec != "x" or v.bit_length() < 16000:
                add("int", enc_int(v), v, spec)
    write("format.txt", lines)


MODE_SPECS = [".0e", ".1e", ".5e", ".16e", ".17e", ".25e", ".0f", ".1f",
              ".2f", ".10f", ".30f", ".0g", ".1g", ".3g", ".16g", ".17g",
              ".25g", "#.3g", "#.0f", "g", ".0%", ".5", ".17", "", "e", "f",
              "#.0e", ".330f", ".800e"]


def gen_float_modes():
    """Many doubles through the correctly rounded fixed-precision modes."""
    lines = []
    xs = [random_double() for _ in range(700)]
    xs += [from_bits("%016x" % rng.getrandbits(52)) for _ in range(100)]
    xs += [float(f"{rng.randrange(1, 10 ** 6)}.5e{rng.randrange(-8, 8)}") for _ in range(200)]
    xs += [float(f"0.{rng.randrange(10 ** 5):05d}5") for _ in range(200)]
    for x in xs:
        for spec in rng.sample(MODE_SPECS, 8):
            lines.append(f"{bits(x)}\t{esc(spec)}\t{outcome(format, x, spec)}")
    write("float_modes.txt", lines)


# ---------------------------------------------------------------- % format

PCT_CONV = ["d", "i", "u", "o", "x", "X", "e", "E", "f", "F", "g", "G", "c",
            "s", "r", "a"]


def pct_value(conv):
    if conv in "diuoxX":
        v = rng.choice(INTS[:25])
        return f"i:{enc_int(v)}", v
    if conv in "eEfFgG":
        if rng.random() < 0.2:
            v = rng.choice(INTS[:20])
            return f"i:{v}", v
        v = rng.choice(FLOATS)
        return f"f:{bits(v)}", v
    if conv == "c":
        if rng.random() < 0.5:
            v = rng.choice([65, 0x263A, 0, 0x10FFFF, 0x110000, -1, 2 ** 70])
            return f"i:{v}", v
        v = rng.choice(["a", "é", "😀"])
        return f"s:{esc(v)}", v
    v = rng.choice(STRS + ["with 'quote'", "new\nline", "é"])
    return "text", v


def pct_case(fmt, stars, v, enc, conv, key=None):
    args = tuple(stars) + (v,)
    try:
        if key is not None:
            r = fmt % {key: v}
        else:
            r = fmt % args
        res = "ok:" + esc(r)
    except Exception as e:  # noqa: BLE001
        res = f"err:{type(e).__name__}:{esc(str(e))}"
    if enc == "text":
        text = {"s": str, "r": repr, "a": ascii}.get(conv, str)(v)
        enc = f"t:{esc(text)}"
    star = ",".join(map(str, stars)) if stars else "-"
    return f"{esc(fmt)}\t{star}\t{enc}\t{res}"


def gen_percent():
    lines = []
    flags_pool = ["", "", "-", "+", " ", "#", "0", "-0", "+0", "#0", "+#0",
                  " 0", "- ", "+ ", "#-"]
    widths = ["", "", "1", "5", "12", "*"]
    precs = ["", "", ".", ".0", ".1", ".3", ".10", ".*"]
    for _ in range(4000):
        conv = rng.choice(PCT_CONV)
        flags = rng.choice(flags_pool)
        width = rng.choice(widths)
        prec = rng.choice(precs)
        length = rng.choice(["", "", "", "", "l", "h", "L"])
        fmt = "%" + flags + width + prec + length + conv
        stars = []
        if width == "*":
            stars.append(rng.choice([5, -5, 0, 12, -1]))
        if prec == ".*":
            stars.append(rng.choice([2, 0, -3, 7]))
        enc, v = pct_value(conv)
        lines.append(pct_case(fmt, stars, v, enc, conv))
    curated = [
        ("%y", [], 1), ("%5%", [], 1), ("%", [], 1), ("%5", [], 1),
        ("%.", [], 1), ("%*", [5], 1), ("%l", [], 1), ("%lld", [], 1),
        ("%\x00", [], 1), ("%€", [], 1), ("%😀", [], 1), ("%-*d", [5], 3),
        ("%99999999999999999999d", [], 1), ("%.2147483648d", [], 1),
        ("%.2147483647d", [], 1), ("%.2147483647f", [], 1.0),
        ("%.2147482624f", [], 1.0), ("%.2147482624g", [], 1.0),
        ("%9999999999999d", [], 1), ("%#x", [], 255), ("%#X", [], 255),
        ("%#o", [], 8), ("%#010x", [], 255), ("%#-10x", [], 255),
        ("%#10x", [], -255), ("%#010x", [], -255), ("%+#010x", [], 255),
        ("%.5d", [], -3), ("%#.5x", [], -3), ("%010.5d", [], -3),
        ("%010.3f", [], -math.inf), ("%+.3f", [], math.nan),
        ("%.1000f", [], 1.0), ("%.330f", [], 5e-324), ("%.0g", [], 0.5),
        ("%#.0e", [], 5.0), ("%c", [], 0x110000), ("%c", [], -1),
        ("%c", [], 2 ** 100), ("%5c", [], "a"), ("%d", [], 10 ** 4300),
        ("%x", [], 10 ** 4300), ("%.*f", [2147483647], 1.0),
    ]
    for fmt, stars, v in curated:
        if isinstance(v, float):
            enc = f"f:{bits(v)}"
        elif isinstance(v, int):
            enc = f"i:{enc_int(v)}"
        else:
            enc = f"s:{esc(v)}"
        lines.append(pct_case(fmt, stars, v, enc, fmt[-1]))
    for fmt, key, v in [("%(a)d", "a", 42), ("%(a)", "a", 42), ("%(a", "a", 42),
                        ("%(a(b)c)d", "a(b)c", 42), ("%(x)+05.1f", "x", 2.5),
                        ("%()s", "", "text"), ("%(é)-*d", "é", 1)]:
        if isinstance(v, float):
            enc = f"f:{bits(v)}"
        elif isinstance(v, int):
            enc = f"i:{v}"
        else:
            enc = "text"
        lines.append("K" + pct_case(fmt, [], v, enc, fmt[-1], key=key))
    write("percent.txt", lines)


# ---------------------------------------------------------------- parsing

def gen_parse_float():
    cases = [" 1_0.5 ", "1_0.5_", "1e1_0", "1._5", "1_.5", ".5", "5.", ".",
             "infinity", "-iNfINity", "+nan", "-nan", "nan(123)", "0x1p3",
             "1e500", "-1e500", "1e-500", "١٢٣.٥", "\u20001.5\u3000",
             "1.5\x00", "", "inf_", "in f", "1e", "1e+", "e1", "1E+05",
             "\x1c1.5", "\x851.5\x85", "１.５", "+.5e-3", "-0", "- 1", "+-1",
             "0000123.4500", "1_2_3.4_5e1_0", "1__2", "_1", "1_", "inF",
             "infinit", "nan ", " nan", "+inf", "1.e5", ".e5", "1e5.5",
             "\t\n\x0b\x0c\r 7 \r\n", "9" * 400, "0." + "0" * 400 + "1",
             "1e-324", "2.5e-324", "2.4703282292062328e-324",
             "1.7976931348623158e308", "1.7976931348623159e308",
             "0x10", "1,5", "1 5", "٣", "²", "1e99999999999999999999",
             "0e99999999999999999999", "1" + "0" * 30 + "e-30"]
    for _ in range(600):
        k = rng.randrange(1, 25)
        s = "".join(rng.choice("0123456789") for _ in range(k))
        if rng.random() < 0.5:
            p = rng.randrange(len(s) + 1)
            s = s[:p] + "." + s[p:]
        if rng.random() < 0.4:
            s += rng.choice("eE") + rng.choice(["", "+", "-"]) + str(rng.randrange(400))
        if rng.random() < 0.2:
            p = rng.randrange(len(s) + 1)
            s = s[:p] + "_" + s[p:]
        if rng.random() < 0.2:
            s = rng.choice("+-") + s
        if rng.random() < 0.1:
            s = " " + s + "\n"
        cases.append(s)
    # Exact decimal halfway points between neighbouring doubles.
    for _ in range(300):
        x = abs(random_double()) if rng.random() < 0.7 else from_bits("%016x" % rng.getrandbits(52))
        y = math.nextafter(x, math.inf)
        if math.isfinite(y):
            mid = (Decimal(x) + Decimal(y)) / 2
            cases.append(format(mid, "f") if rng.random() < 0.5 else str(mid))
    lines = []
    for s in cases:
        lines.append(f"{esc(s)}\t{esc(repr(s))}\t{outcome(float, s)}")
    write("parse_float.txt", lines)


def gen_parse_int():
    cases = [("010", 0), ("000", 0), ("0_0", 0), ("00_1", 0), (" 0x_1f ", 0),
             ("0x_1f", 16), ("0x1f", 10), ("0b", 0), ("0b1", 2), ("0o17", 8),
             ("1__2", 10), ("_12", 10), ("12_", 10), ("", 10), ("   ", 10),
             ("+", 10), ("-", 10), ("+-1", 10), ("\u00a012\u2003", 10),
             ("١٢٣", 10), ("12\x00", 10), ("z", 36), ("Z", 36), ("1", 37),
             ("1", 1), ("12a", 10), ("12a", 0), ("0x1g", 0), ("x" * 300, 10),
             ("é" * 300, 0), ("0_7", 0), ("0_b1", 0), ("0b_1", 0), ("0b__1", 0),
             ("0x", 16), ("0X1F", 16), ("0O17", 0), ("0B11", 0), ("- 1", 10),
             ("\x1c1", 10), ("1\x1c", 10), ("\x851\x85", 10), ("１２", 10),
             ("0x" + "f" * 5000, 0), ("1" * 4300, 10), ("1" * 4301, 10),
             ("1" * 5000 + "x", 10), ("0" * 5000, 0), ("1_" * 4300 + "1", 10),
             ("7" * 5000, 8), ("7" * 5000, 3), ("10", 2), ("2", 2), ("-0", 0),
             ("+0x10", 0), ("0o8", 0), ("099", 0), ("0_9", 10)]
    for _ in range(700):
        base = rng.choice([0, 0, 2, 8, 10, 10, 16, 36, 3, 7])
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[: base or 10]
        s = "".join(rng.choice(digits) for _ in range(rng.randrange(1, 30)))
        if rng.random() < 0.3:
            p = rng.randrange(1, len(s) + 1)
            s = s[:p] + "_" + s[p:]
        if rng.random() < 0.2:
            s = rng.choice(["0x", "0o", "0b", "0X"]) + s
        if rng.random() < 0.2:
            s = rng.choice("+-") + s
        if rng.random() < 0.1:
            s = rng.choice([" ", "\t", "\u3000"]) + s + " "
        if rng.random() < 0.05:
            s = s.upper()
        cases.append((s, base))
    lines = []
    for s, base in cases:
        limit = 4300
        lines.append(f"{esc(s)}\t{base}\t{limit}\t{esc(repr(s))}\t{outcome(int, s, base)}")
    for limit in (0, 640, 1000):
        sys.set_int_max_str_digits(limit)
        for s in ["1" * 1000, "1" * 1001, "9" * 641, "9" * 640]:
            lines.append(f"{esc(s)}\t10\t{limit}\t-\t{outcome(int, s, 10)}")
    sys.set_int_max_str_digits(4300)
    write("parse_int.txt", lines)


def gen_fromhex():
    cases = ["0x1.8p1", " 0x1.8p1 ", "-0x.8", "1p-1074", "0x1p-1075",
             "0x3p-1076", "-Infinity", "nan", "+inF", "0x1.fffffffffffff8p1023",
             "0x1.fffffffffffff7p1023", "0x", "1p", "1p+", "0x.p1", ".",
             "0x1.0p", "0xg", "1.8", "0X1P3", "0x1p99999999999999999999",
             "0x0p99999999999999999999", "0x1p-99999999999999999999",
             "-0x0p0", "0x1 p1", "\x0b0x1\x0c", "0x1é", "infinityx",
             "0x" + "f" * 40 + "p-100", "0x.000000000000000000001p0",
             "0x1.00000000000008p0", "0x1.00000000000018p0",
             "0x1.000000000000080000001p0", "0x0.0000000000001p-1022",
             "0x0.00000000000008p-1022", "0x0.0000000000000fp-1022",
             "0x1.ffffffffffffffp-1023", "1e10", "0x1.8", "0x1.8P-3",
             "0x00000.1p4", "1", "-1", "+0x1p0"]
    for _ in range(500):
        x = random_double() if rng.random() < 0.8 else from_bits("%016x" % rng.getrandbits(52))
        h = x.hex()
        r = rng.random()
        if r < 0.3:
            mant, exp = h.split("p")
            h = mant + "%x" % rng.randrange(16) * rng.randrange(1, 4) + "p" + exp
        elif r < 0.4:
            h = h.upper()
        elif r < 0.5:
            h = h.replace("0x", "")
        cases.append(h)
    lines = [f"{esc(s)}\t{outcome(float.fromhex, s)}" for s in cases]
    write("fromhex.txt", lines)


# ---------------------------------------------------------------- round()

def gen_round():
    lines = []
    fixed = [(2.675, 2), (0.5, 0), (1.5, 0), (2.5, 0), (-0.5, 0), (-0.4, 0),
             (0.125, 2), (0.375, 2), (1.005, 2), (1234.5678, -2), (5e-324, 400),
             (5e-324, 323), (5e-324, 324), (1e300, -400), (1e300, -308),
             (1.7976931348623157e308, -308), (1.7976931348623157e308, -307),
             (-1.7976931348623157e308, -308), (math.inf, 2), (math.nan, 0),
             (-0.0, 3), (0.0, -5), (123.456, -1), (5.5, -1), (15.0, -1),
             (25.0, -1), (1e16, -16), (4.5e15, -16), (0.05, 1), (0.15, 1),
             (0.25, 1), (0.35, 1)]
    for x, n in fixed:
        lines.append(f"float\t{bits(x)}\t{n}\t{outcome(round, x, n)}")
    for _ in range(1500):
        x = random_double() if rng.random() < 0.5 else rng.uniform(-1e6, 1e6)
        if rng.random() < 0.2:
            x = float(f"{rng.randrange(10 ** 6)}.{rng.randrange(10 ** 4)}5")
        e = math.frexp(x)[1] if x else 0
        n = rng.randrange(-310, 330) if rng.random() < 0.3 else int(-e * 0.30103) + rng.randrange(-3, 20)
        lines.append(f"float\t{bits(x)}\t{n}\t{outcome(round, x, n)}")
    ints = [0, 5, 15, 25, -25, 1250, 1350, -1251, 999, 10 ** 30 + 5 * 10 ** 14,
            -(10 ** 30) - 5 * 10 ** 14, 2 ** 100, 123456789]
    for v in ints:
        for n in [-1, -2, -3, -15, -30, -31, -40, 0, 3]:
            lines.append(f"int\t{v}\t{n}\t{outcome(round, v, n)}")
    for _ in range(400):
        v = rng.randrange(-(10 ** 40), 10 ** 40)
        n = -rng.randrange(1, 45)
        lines.append(f"int\t{v}\t{n}\t{outcome(round, v, n)}")
    write("round.txt", lines)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    gen_float_repr()
    gen_complex_repr()
    gen_format()
    gen_float_modes()
    gen_percent()
    gen_parse_float()
    gen_parse_int()
    gen_fromhex()
    gen_round()


main()
