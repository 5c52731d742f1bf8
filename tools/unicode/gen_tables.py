#!/usr/bin/env python3.14
"""Generate src/unicode/tables.rs from python3.14's own answers.

Usage (from the repository root):

    python3.14 tools/unicode/gen_tables.py [--check]

With --check nothing is written; the exit status says whether tables.rs is
up to date.

Every fact comes from the running interpreter, never from UCD text files, so
the tables agree with CPython 3.14 by construction: the str predicates
(isalpha, isprintable, ...) of one-character strings, str.upper/lower/title/
casefold of one-character strings (CPython's *full* mappings), unicodedata
for numeric values, categories and East Asian widths. Two properties CPython
uses but does not expose, Cased and Case_Ignorable, are read off the
behaviour of str.title() and of the final-sigma rule of str.lower(), and
cross-checked against their Unicode definitions.

The tables (see src/unicode/props.rs and case.rs for how they are read)
have the shape of CPython's own unicodetype_db.h, with runs where CPython
has a two-level index:

- RECORDS: the distinct records (CPython's _PyUnicode_TypeRecord): a word of
  flag bits and East Asian Width code, and the four full case mappings, each
  a distance to one code point or a string of two or three;
- LATIN1: the record index of U+0000..U+00FF, the direct fast path;
- RUN_STARTS / RUN_RECORDS: all code points as runs of equal records;
- PAGE_RUNS: for each 256-code-point page, the run holding its first code
  point, so a lookup only binary-searches the few runs of one page;
- NUMERIC_RUNS: runs of code points whose numeric values rise by one.
"""

import argparse
import pathlib
import sys
import unicodedata

assert sys.version_info[:2] == (3, 14), "regenerate with python3.14"

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "unicode" / "tables.rs"
COMMAND = "python3.14 tools/unicode/gen_tables.py"

SURROGATES = range(0xD800, 0xE000)
PAGE_SHIFT = 8

# Flag bits, in this order (src/unicode/props.rs reads them by these names).
FLAGS = [
    ("PRINTABLE", "str.isprintable (Py_UNICODE_ISPRINTABLE)"),
    ("ALPHA", "str.isalpha (Py_UNICODE_ISALPHA)"),
    ("DECIMAL", "str.isdecimal (Py_UNICODE_ISDECIMAL)"),
    ("DIGIT", "str.isdigit (Py_UNICODE_ISDIGIT)"),
    ("NUMERIC", "str.isnumeric (Py_UNICODE_ISNUMERIC)"),
    ("SPACE", "str.isspace (Py_UNICODE_ISSPACE)"),
    ("LINEBREAK", "a str.splitlines boundary (Py_UNICODE_ISLINEBREAK)"),
    ("LOWER", "the Lowercase property (Py_UNICODE_ISLOWER)"),
    ("UPPER", "the Uppercase property (Py_UNICODE_ISUPPER)"),
    ("TITLE", "general category Lt (Py_UNICODE_ISTITLE)"),
    ("CASED", "the Cased property (_PyUnicode_IsCased)"),
    ("CASE_IGNORABLE", "the Case_Ignorable property (_PyUnicode_IsCaseIgnorable)"),
    ("XID_START", "the XID_Start property (_PyUnicode_IsXidStart)"),
    ("XID_CONTINUE", "the XID_Continue property (_PyUnicode_IsXidContinue)"),
]
WIDTH_SHIFT = 16
# East Asian Width classes, numbered as EastAsianWidth in src/unicode/props.rs.
WIDTHS = ["N", "Na", "H", "W", "F", "A"]


def code_points():
    """Every code point a Rust char can hold."""
    for cp in range(sys.maxunicode + 1):
        if cp not in SURROGATES:
            yield cp


def is_cased(c):
    """Cased, as str.title() sees it: after a cased character, the next
    letter is lowercased instead of titlecased."""
    return ("a" + c + "A").title()[-1] == "a"


def is_case_ignorable(c, cased):
    """Case_Ignorable, as the final-sigma rule of str.lower() sees it.

    A capital sigma becomes final (U+03C2) when a cased character precedes
    it, skipping case-ignorable ones, and no cased character follows. For an
    uncased c, "a" + c + SIGMA ends in a final sigma exactly when c is
    skipped; for a cased c, c + SIGMA does exactly when c is not skipped.
    """
    if cased:
        return (c + "\u03a3").lower()[-1] == "\u03c3"
    return ("a" + c + "\u03a3").lower()[-1] == "\u03c2"


def flags_of(cp):
    c = chr(cp)
    cased = is_cased(c)
    bits = {
        "PRINTABLE": c.isprintable(),
        "ALPHA": c.isalpha(),
        "DECIMAL": c.isdecimal(),
        "DIGIT": c.isdigit(),
        "NUMERIC": c.isnumeric(),
        "SPACE": c.isspace(),
        "LINEBREAK": len(("a" + c + "b").splitlines()) == 2,
        "LOWER": c.islower(),
        "UPPER": c.isupper(),
        "TITLE": unicodedata.category(c) == "Lt",
        "CASED": cased,
        "CASE_IGNORABLE": is_case_ignorable(c, cased),
        # isidentifier() also accepts a leading LOW LINE, which is not XID_Start.
        "XID_START": c.isidentifier() and c != "_",
        "XID_CONTINUE": ("a" + c).isidentifier(),
    }
    # Cross-checks against the Unicode definitions (DerivedCoreProperties.txt).
    assert cased == (bits["LOWER"] or bits["UPPER"] or bits["TITLE"]), hex(cp)
    if unicodedata.category(c) in ("Mn", "Me", "Cf", "Lm", "Sk"):
        assert bits["CASE_IGNORABLE"], hex(cp)
    # str.istitle() of one character is ISTITLE or ISUPPER.
    assert c.istitle() == (bits["TITLE"] or bits["UPPER"]), hex(cp)
    word = 0
    for i, (name, _) in enumerate(FLAGS):
        if bits[name]:
            word |= 1 << i
    return word


# The case operations of a record, in the order of its mapping fields.
CASES = [
    ("upper", str.upper, "str.upper (_PyUnicode_ToUpperFull)"),
    ("lower", str.lower, "str.lower (_PyUnicode_ToLowerFull)"),
    ("title", str.title, "str.title (_PyUnicode_ToTitleFull)"),
    ("fold", str.casefold, "str.casefold (_PyUnicode_ToFoldedFull)"),
]


def mapping_of(c, method):
    """A full case mapping as the distance to its one character, or as the
    string of two or three characters it is."""
    m = method(c)
    if m != c:
        # Every character with a case mapping is cased.
        assert is_cased(c), hex(ord(c))
    assert 1 <= len(m) <= 3, hex(ord(c))
    return ord(m) - ord(c) if len(m) == 1 else m


def record_of(cp):
    c = chr(cp)
    width = WIDTHS.index(unicodedata.east_asian_width(c))
    word = flags_of(cp) | width << WIDTH_SHIFT
    return (word,) + tuple(mapping_of(c, method) for _, method, _ in CASES)


def record_sort_key(rec):
    return tuple((0, x, "") if isinstance(x, int) else (1, 0, x) for x in rec)


def build_records():
    recs_of = {}
    for cp in code_points():
        recs_of[cp] = record_of(cp)
    records = sorted(set(recs_of.values()), key=record_sort_key)
    index = {r: i for i, r in enumerate(records)}
    starts, recs = [], []
    for cp in code_points():
        # Surrogates are skipped: they cannot be looked up, so the run
        # before them simply extends over them.
        r = index[recs_of[cp]]
        if not recs or recs[-1] != r:
            starts.append(cp)
            recs.append(r)
    pages = []
    for page in range(((sys.maxunicode + 1) >> PAGE_SHIFT) + 1):
        first = page << PAGE_SHIFT
        # Index of the last run starting at or before `first`.
        lo, hi = 0, len(starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if starts[mid] <= first:
                lo = mid + 1
            else:
                hi = mid
        pages.append(lo - 1)
    assert len(records) < 65536 and len(starts) < 65536
    latin1 = [index[recs_of[cp]] for cp in range(256)]
    return records, latin1, starts, recs, pages


def build_numeric():
    runs = []  # [first, last, value of first]
    for cp in code_points():
        c = chr(cp)
        v = unicodedata.numeric(c, None)
        d = unicodedata.digit(c, None)
        dec = unicodedata.decimal(c, None)
        assert (v is not None) == c.isnumeric(), hex(cp)
        assert (d is not None) == c.isdigit(), hex(cp)
        assert (dec is not None) == c.isdecimal(), hex(cp)
        # Decimal and digit values are the numeric value where they exist,
        # which lets the Rust side keep one table for all three.
        assert d is None or d == v, hex(cp)
        assert dec is None or dec == v, hex(cp)
        if v is None:
            continue
        if runs and runs[-1][1] == cp - 1 and runs[-1][2] + (cp - runs[-1][0]) == v:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp, v])
    return runs


def rust_str(s):
    out = []
    for ch in s:
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            out.append("\\u{%X}" % ord(ch))
    return '"' + "".join(out) + '"'


def rows(items, per_line, indent="    "):
    lines = []
    for i in range(0, len(items), per_line):
        lines.append(indent + " ".join(x + "," for x in items[i:i + per_line]))
    return lines


def generate():
    records, latin1, starts, recs, pages = build_records()
    numeric = build_numeric()

    out = []
    w = out.append
    w(f"// Generated by `{COMMAND}` from python3.14 {sys.version.split()[0]}")
    w(f"// (Unicode {unicodedata.unidata_version}). Do not edit by hand.")
    w("")
    w("//! The Unicode character database as CPython 3.14's str methods see it,")
    w("//! read off python3.14 itself. The layout is documented in the generator.")
    w("")
    w("/// The Unicode version of these tables (`unicodedata.unidata_version`).")
    w(f'pub const UNIDATA_VERSION: &str = "{unicodedata.unidata_version}";')
    w("")
    for i, (name, doc) in enumerate(FLAGS):
        w(f"/// Flag bit: {doc}.")
        w(f"pub(super) const {name}: u32 = 1 << {i};")
    w("/// The East Asian Width code sits above the flag bits of a record.")
    w(f"pub(super) const WIDTH_SHIFT: u32 = {WIDTH_SHIFT};")
    w("/// Code points per page of `PAGE_RUNS`, as a shift.")
    w(f"pub(super) const PAGE_SHIFT: u32 = {PAGE_SHIFT};")
    w("")
    w("/// How a case operation maps a character.")
    w("#[derive(Clone, Copy, Debug)]")
    w("pub(super) enum Map {")
    w("    /// To the code point this far away (0: to itself).")
    w("    D(i32),")
    w("    /// To this string of two or three characters.")
    w("    S(&'static str),")
    w("}")
    w("use Map::{D, S};")
    w("")
    w("/// Everything known about a code point (`_PyUnicode_TypeRecord`).")
    w("pub(super) struct Record {")
    w("    /// Flag bits | East Asian Width code << WIDTH_SHIFT.")
    w("    pub(super) word: u32,")
    for name, _, doc in CASES:
        w(f"    /// The full mapping of {doc}.")
        w(f"    pub(super) {name}: Map,")
    w("}")
    w("")
    w("const fn r(word: u32, upper: Map, lower: Map, title: Map, fold: Map) -> Record {")
    w("    Record { word, upper, lower, title, fold }")
    w("}")
    w("")
    w("/// The distinct records.")
    w(f"pub(super) static RECORDS: [Record; {len(records)}] = [")
    items = []
    for word, *maps in records:
        fields = [f"D({m})" if isinstance(m, int) else f"S({rust_str(m)})" for m in maps]
        items.append(f"r(0x{word:05X}, {', '.join(fields)})")
    out += rows(items, 2)
    w("];")
    w("")
    w("/// The record index of each code point below U+0100.")
    w("pub(super) static LATIN1: [u16; 256] = [")
    out += rows([str(r) for r in latin1], 16)
    w("];")
    w("")
    w("/// The first code point of each run of equal records, ascending from 0.")
    w(f"pub(super) static RUN_STARTS: [u32; {len(starts)}] = [")
    out += rows([f"0x{s:X}" for s in starts], 12)
    w("];")
    w("")
    w("/// The record index of each run of `RUN_STARTS`.")
    w(f"pub(super) static RUN_RECORDS: [u16; {len(recs)}] = [")
    out += rows([str(r) for r in recs], 20)
    w("];")
    w("")
    w("/// For each page of 2**PAGE_SHIFT code points, and one past the last, the")
    w("/// index of the run holding the page's first code point.")
    w(f"pub(super) static PAGE_RUNS: [u16; {len(pages)}] = [")
    out += rows([str(p) for p in pages], 16)
    w("];")
    w("")
    w("/// `(first, last, value of first)`: the numeric value of each code point in")
    w("/// `first..=last` is the value of `first` plus its distance from `first`")
    w("/// (`_PyUnicode_ToNumeric`; decimal and digit values are the same numbers).")
    w(f"pub(super) static NUMERIC_RUNS: [(u32, u32, f64); {len(numeric)}] = [")
    items = []
    for a, b, v in numeric:
        lit = repr(float(v))
        items.append(f"(0x{a:X}, 0x{b:X}, {lit})")
    out += rows(items, 4)
    w("];")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="only check tables.rs is up to date")
    args = ap.parse_args()
    text = generate()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.relative_to(ROOT)} is out of date; run {COMMAND}")
            sys.exit(1)
        print(f"{OUT.relative_to(ROOT)} is up to date")
        return
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(text)} bytes)")


main()
