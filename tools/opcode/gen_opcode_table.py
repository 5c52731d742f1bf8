#!/usr/bin/env python3.14
"""Generate src/opcode/table.rs from CPython 3.14's headers.

The instruction set is written once, as data: this script reads the headers
CPython's own cases generator wrote (opcode_ids.h, pycore_opcode_metadata.h)
plus the few small #define tables the eval loop and the compiler share, and
writes one row per opcode into a macro that the hand-written code in
src/opcode/ expands into constants, the OPCODES table, the dispatch rows and
the stack-effect functions.

Usage (from the repository root):

    python3.14 tools/opcode/gen_opcode_table.py [--include DIR] [--check]

DIR defaults to python3.14's own include directory (sysconfig). With
--check, nothing is written; the exit status says whether table.rs is up to
date.
"""

import argparse
import pathlib
import re
import sys
import sysconfig

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "opcode" / "table.rs"
COMMAND = "python3.14 tools/opcode/gen_opcode_table.py"

# The small #define tables re-exported as constants: (header, name pattern, Rust type).
SMALL_DEFINES = [
    ("opcode.h", r"NB_\w+", "u8", "BINARY_OP's oparg (Include/opcode.h)."),
    (
        "internal/pycore_intrinsics.h",
        r"(?:INTRINSIC_\w+|MAX_INTRINSIC_[12])",
        "u8",
        "CALL_INTRINSIC_1 and CALL_INTRINSIC_2 opargs (pycore_intrinsics.h).",
    ),
    (
        "internal/pycore_opcode_utils.h",
        r"(?:CONSTANT_\w+|NUM_COMMON_CONSTANTS)",
        "u8",
        "LOAD_COMMON_CONSTANT's oparg (pycore_opcode_utils.h).",
    ),
    (
        "internal/pycore_ceval.h",
        r"SPECIAL_\w+",
        "u8",
        "LOAD_SPECIAL's oparg (pycore_ceval.h).",
    ),
    (
        "ceval.h",
        r"FVC_\w+",
        "u8",
        "CONVERT_VALUE's oparg (Include/ceval.h).",
    ),
    (
        "internal/pycore_opcode_utils.h",
        r"MAKE_FUNCTION_\w+",
        "u32",
        "MAKE_FUNCTION / SET_FUNCTION_ATTRIBUTE flags (pycore_opcode_utils.h).",
    ),
    (
        "internal/pycore_opcode_utils.h",
        r"RESUME_\w+",
        "u32",
        "RESUME's oparg (pycore_opcode_utils.h).",
    ),
    (
        "internal/pycore_code.h",
        r"COMPARISON_\w+",
        "u32",
        "The low four bits of COMPARE_OP's oparg (pycore_code.h).",
    ),
]


def fail(msg):
    sys.exit(f"gen_opcode_table.py: {msg}")


def read(include, rel):
    return (include / rel).read_text()


def int_defines(text):
    """`#define NAME <int>` and `#define NAME (A | B)` over earlier names."""
    out = {}
    for name, value in re.findall(r"^#define\s+(\w+)\s+(.+?)\s*$", text, re.M):
        value = value.strip()
        if re.fullmatch(r"\(?\s*\d+\s*\)?|0x[0-9A-Fa-f]+", value):
            out[name] = int(value.strip("() "), 0)
        elif re.fullmatch(r"\(\s*\w+(\s*\|\s*\w+)*\s*\)", value):
            parts = [p.strip() for p in value.strip("()").split("|")]
            if all(p in out for p in parts):
                v = 0
                for p in parts:
                    v |= out[p]
                out[name] = v
    return out


def block(text, start):
    """The body of the C initialiser or function that begins with `start`."""
    i = text.index(start)
    j = text.index("\n};" if start.endswith("= {") else "\n}\n", i)
    return text[i + len(start) : j]


# --- stack-effect expressions ---------------------------------------------

TOKEN = re.compile(r"\s*(oparg|0x[0-9A-Fa-f]+|\d+|>>|[-+*&()])")


def tokens(expr):
    out, pos = [], 0
    expr = expr.strip()
    while pos < len(expr):
        m = TOKEN.match(expr, pos)
        if not m:
            fail(f"unsupported stack-effect expression {expr!r}")
        out.append(m.group(1))
        pos = m.end()
    return out


def rust_expr(expr):
    """Transliterate one of the C oparg expressions into Rust.

    Only `oparg`, integer literals, `+ - * & >>` and parentheses occur. C and
    Rust agree on the relative precedence of exactly these operators
    (`*` > `+ -` > `>>` > `&`), so the C text keeps its meaning. The Rust
    side evaluates in i64 and truncates to i32, which equals C's wrapping
    `int` arithmetic provided `>>` applies only to `oparg` itself; check it.
    """
    toks = tokens(expr)
    for i, t in enumerate(toks):
        if t == ">>":
            if i == 0 or toks[i - 1] != "oparg" or not toks[i + 1][0].isdigit():
                fail(f"shift of something other than oparg in {expr!r}")
        if t == "-" and (i == 0 or toks[i - 1] in ("(", "+", "-", "*", "&", ">>")):
            fail(f"unary minus in {expr!r}")
    out = ""
    for t in toks:
        if t in ("+", "-", "*", "&", ">>"):
            out += f" {t} "
        else:
            out += t
    return out


def wrap32(v):
    return (v + 2**31) % 2**32 - 2**31


C_PRECEDENCE = {"*": 3, "+": 2, "-": 2, ">>": 1, "&": 0}
C_OPERATORS = {
    "*": lambda a, b: a * b,
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    ">>": lambda a, b: a >> b,
    "&": lambda a, b: a & b,
}


def c_eval(expr, oparg):
    """Evaluate as C would: C precedence, every operation wrapping to 32 bits.

    Used only to check that the Rust transliteration means the same.
    """
    toks = tokens(expr)
    pos = 0

    def primary():
        nonlocal pos
        t = toks[pos]
        pos += 1
        if t == "(":
            v = binary(0)
            pos += 1  # ")"
            return v
        return oparg if t == "oparg" else int(t, 0)

    def binary(min_prec):
        nonlocal pos
        left = primary()
        while pos < len(toks) and toks[pos] in C_PRECEDENCE and C_PRECEDENCE[toks[pos]] >= min_prec:
            op = toks[pos]
            pos += 1
            right = binary(C_PRECEDENCE[op] + 1)
            left = wrap32(C_OPERATORS[op](left, right))
        return left

    return binary(0)


# --- reading the headers --------------------------------------------------


def load(include):
    ids_text = read(include, "opcode_ids.h")
    meta_text = read(include, "internal/pycore_opcode_metadata.h")
    utils_text = read(include, "internal/pycore_opcode_utils.h")
    magic_text = read(include, "internal/pycore_magic_number.h")

    ids = int_defines(ids_text)
    consts = {k: ids.pop(k) for k in ("HAVE_ARGUMENT", "MIN_SPECIALIZED_OPCODE", "MIN_INSTRUMENTED_OPCODE")}
    consts["MAX_REAL_OPCODE"] = int_defines(utils_text)["MAX_REAL_OPCODE"]
    consts["MAGIC_NUMBER"] = int_defines(magic_text)["PYC_MAGIC_NUMBER"]
    by_num = {}
    for name, num in ids.items():
        if num in by_num:
            fail(f"{name} and {by_num[num]} share number {num}")
        by_num[num] = name
    if max(by_num) != 266:
        fail(f"expected the last pseudo opcode at 266, found {max(by_num)}")

    start = meta_text.index("#define IS_PSEUDO_INSTR(OP)")
    pseudo = re.findall(r"\(\(OP\) == (\w+)\)", meta_text[start : meta_text.index("0)", start)])
    if sorted(ids[p] for p in pseudo) != list(range(256, 267)):
        fail("IS_PSEUDO_INSTR is not 256..=266")

    flag_bits = {}
    for name, value in re.findall(r"^#define (HAS_\w+)_FLAG \((\d+)\)", meta_text, re.M):
        flag_bits[name] = int(value)

    metadata = {}
    body = block(meta_text, "_PyOpcode_opcode_metadata[267] = {")
    for name, valid, _fmt, flags in re.findall(r"\[(\w+)\] = \{ (true|false), ([\w-]+), ([^}]*?) \},", body):
        names = [] if flags.strip() == "0" else [f.strip() for f in flags.split("|")]
        for f in names:
            if not f.endswith("_FLAG") or f[: -len("_FLAG")] not in flag_bits:
                fail(f"unknown flag {f} on {name}")
        metadata[name] = (valid == "true", [f[: -len("_FLAG")] for f in names])

    def effects(fn):
        body = block(meta_text, f"int {fn}(int opcode, int oparg)  {{")
        pairs = re.findall(r"case (\w+):\s*return ([^;]+);", body)
        if "default:\n            return -1;" not in body:
            fail(f"{fn}: unexpected default case")
        return {name: expr for name, expr in pairs}

    popped = effects("_PyOpcode_num_popped")
    pushed = effects("_PyOpcode_num_pushed")

    caches = {}
    for name, n in re.findall(r"\[(\w+)\] = (\d+),", block(meta_text, "_PyOpcode_Caches[256] = {")):
        caches[name] = int(n)

    deopt = {}
    for key, value in re.findall(r"\[(\w+)\] = (\w+),", block(meta_text, "_PyOpcode_Deopt[256] = {")):
        k = int(key) if key.isdigit() else ids[key]
        v = int(value) if value.isdigit() else ids[value]
        deopt[k] = v
    if sorted(deopt) != list(range(256)):
        fail("_PyOpcode_Deopt does not cover 0..=255")

    opnames = dict(re.findall(r'\[(\w+)\] = "(\w+)",', block(meta_text, "_PyOpcode_OpName[267] = {")))
    if any(k != v for k, v in opnames.items()) or set(opnames) != set(ids):
        fail("_PyOpcode_OpName disagrees with opcode_ids.h")

    targets = {}
    for name, seq, ts in re.findall(
        r"\[(\w+)-256\] = \{ (\d), \{ ([\w, ]+) \} \},", block(meta_text, "_PyOpcode_PseudoTargets[11] = {")
    ):
        targets[name] = (seq == "1", [t for t in (x.strip() for x in ts.split(",")) if t != "0"])
    if set(targets) != set(pseudo):
        fail("_PyOpcode_PseudoTargets does not cover the pseudo opcodes")

    # Every assigned number has metadata and both stack-effect cases; no
    # unassigned one does. is_valid() and the stack-effect functions rely on it.
    for name in ids:
        if name not in metadata or not metadata[name][0]:
            fail(f"{name} has no valid metadata entry")
        if name not in popped or name not in pushed:
            fail(f"{name} has no stack-effect case")
    if set(metadata) != set(ids) or set(popped) != set(ids) or set(pushed) != set(ids):
        fail("metadata or stack-effect switch names an opcode opcode_ids.h lacks")

    small = []
    for header, pattern, ty, doc in SMALL_DEFINES:
        found = [(k, v) for k, v in int_defines(read(include, header)).items() if re.fullmatch(pattern, k)]
        if not found:
            fail(f"no {pattern} in {header}")
        small.append((doc, ty, found))

    return dict(
        ids=ids,
        by_num=by_num,
        consts=consts,
        pseudo=sorted(pseudo, key=ids.get),
        flag_bits=flag_bits,
        metadata=metadata,
        popped=popped,
        pushed=pushed,
        caches=caches,
        deopt=deopt,
        targets=targets,
        small=small,
    )


# --- writing table.rs -------------------------------------------------------


def snake(name):
    return name.lower()


def effect(expr):
    for oparg in (0, 1, 7, 255, 2**31 - 1, -(2**31), -1):
        # The Rust side computes in i64 from a sign-extended oparg, then truncates.
        wide = eval(rust_expr(expr), {"__builtins__": {}}, {"oparg": oparg})  # noqa: S307
        if wrap32(wide) != c_eval(expr, oparg):
            fail(f"i64-then-truncate differs from C int for {expr!r} at {oparg}")
    return f"Some({rust_expr(expr)})"


def table_rows(d):
    rows = []
    ids, by_num = d["ids"], d["by_num"]
    for num in range(256):
        name = by_num.get(num)
        if name is None:
            if d["deopt"][num] != num:
                fail(f"unassigned {num} deopts elsewhere")
            rows.append((num, f"UNUSED_{num}", "unknown_opcode", "unused", 0, [], "None", "None"))
            continue
        base = by_num[d["deopt"][num]]
        if base != name:
            kind = f"specialized({base})"
            handler = snake(base)
            if d["caches"].get(name, 0):
                fail(f"specialised {name} has its own cache count")
            cache = d["caches"].get(base, 0)
        elif name.startswith("INSTRUMENTED_") and name[len("INSTRUMENTED_") :] in ids:
            base = name[len("INSTRUMENTED_") :]
            if num < d["consts"]["MIN_INSTRUMENTED_OPCODE"]:
                fail(f"{name} below MIN_INSTRUMENTED_OPCODE")
            kind = f"instrumented({base})"
            handler = snake(base)
            if d["caches"].get(name, 0):
                fail(f"instrumented {name} has its own cache count")
            cache = d["caches"].get(base, 0)
        else:
            kind = "base"
            handler = snake(name)
            cache = d["caches"].get(name, 0)
        flags = d["metadata"][name][1]
        rows.append((num, name, handler, kind, cache, flags, effect(d["popped"][name]), effect(d["pushed"][name])))
    return rows


def aligned(cells_list, last_free=True):
    widths = [max(len(c[i]) for c in cells_list) for i in range(len(cells_list[0]))]
    out = []
    for cells in cells_list:
        parts = [c.ljust(w) for c, w in zip(cells, widths)]
        out.append(" ".join(parts).rstrip())
    return out


def render(d):
    w = []
    p = w.append
    p(f"// @generated by `{COMMAND}` from CPython 3.14's headers")
    p("// (opcode_ids.h, internal/pycore_opcode_metadata.h and the small tables named")
    p("// below). Do not edit by hand: change the generator and rerun it.")
    p("")
    p("//! The CPython 3.14 instruction set as one table, one row per opcode.")
    p("//!")
    p("//! This is the single source the rest of `crate::opcode` expands: the")
    p("//! `op` constants, `OPCODES`, `for_each_opcode!` and the stack-effect")
    p("//! functions all come from the rows of `__opcode_table!` and")
    p("//! `__pseudo_opcode_table!`. Columns of an opcode row:")
    p("//!")
    p("//! `(number, NAME, handler, kind, cache_entries, [flags], popped, pushed)`")
    p("//!")
    p("//! - `handler`: the snake_case handler that executes the slot (the base")
    p("//!   opcode's for specialised and instrumented forms).")
    p("//! - `kind`: `base`, `specialized(BASE)` (per `_PyOpcode_Deopt`),")
    p("//!   `instrumented(BASE)` or `unused`.")
    p("//! - `cache_entries`: inline cache units after the instruction; a")
    p("//!   specialised or instrumented form carries its base's count (the code")
    p("//!   stream always holds the base's caches; `_PyOpcode_Caches` lists")
    p("//!   base opcodes only).")
    p("//! - `popped`/`pushed`: `_PyOpcode_num_popped`/`_pushed` as Rust")
    p("//!   expressions in `oparg` (an i64 holding the C `int` oparg), `None`")
    p("//!   where CPython has no case.")
    p("")
    c = d["consts"]
    p("/// Opcodes below this take no argument (they ignore their oparg byte).")
    p(f"pub const HAVE_ARGUMENT: u8 = {c['HAVE_ARGUMENT']};")
    p("/// The first number of the specialised block (a few specialised forms sit")
    p("/// below it, in holes of the base range: use `OPCODES[op].deopt`).")
    p(f"pub const MIN_SPECIALIZED_OPCODE: u8 = {c['MIN_SPECIALIZED_OPCODE']};")
    p("/// The first instrumented opcode; everything from here up is instrumented")
    p("/// or ENTER_EXECUTOR.")
    p(f"pub const MIN_INSTRUMENTED_OPCODE: u8 = {c['MIN_INSTRUMENTED_OPCODE']};")
    p("/// The highest opcode the compiler may emit or the assembler may see.")
    p(f"pub const MAX_REAL_OPCODE: u8 = {c['MAX_REAL_OPCODE']};")
    p("/// `PYC_MAGIC_NUMBER` from pycore_magic_number.h.")
    p(f"pub const MAGIC_NUMBER: u16 = {c['MAGIC_NUMBER']};")
    p("")
    p("/// The `HAS_*_FLAG` bits of `_PyOpcode_opcode_metadata` (pycore_opcode_metadata.h).")
    p("pub mod flags {")
    for name, bit in sorted(d["flag_bits"].items(), key=lambda kv: kv[1]):
        p(f"    pub const {name}: u32 = {bit};")
    p("}")
    for doc, ty, found in d["small"]:
        p("")
        p(f"// {doc}")
        for name, value in found:
            p(f"pub const {name}: {ty} = {value};")
    p("")

    # The opcode rows.
    cells = []
    for num, name, handler, kind, cache, flags, pop, push in table_rows(d):
        cells.append(
            [
                f"({num:>3},",
                f"{name},",
                f"{handler},",
                f"{kind},",
                f"{cache},",
                f"[{' '.join(flags)}],",
                f"{pop},",
                f"{push}),",
            ]
        )
    p("/// Every byte value 0..=255, in order. `$crate::__opcode_expand!` turns the")
    p("/// rows into whatever the selector asks for.")
    p("#[doc(hidden)]")
    p("#[macro_export]")
    p("macro_rules! __opcode_table {")
    p("    ($($selector:tt)*) => {")
    p("        $crate::__opcode_expand! { ($($selector)*) oparg;")
    for line in aligned(cells):
        p("            " + line)
    p("        }")
    p("    };")
    p("}")
    p("")

    cells = []
    for name in d["pseudo"]:
        seq, ts = d["targets"][name]
        cells.append(
            [
                f"({d['ids'][name]},",
                f"{name},",
                f"[{' '.join(d['metadata'][name][1])}],",
                f"[{' '.join(ts)}],",
                f"{'true' if seq else 'false'},",
                f"{effect(d['popped'][name])},",
                f"{effect(d['pushed'][name])}),",
            ]
        )
    p("/// The pseudo opcodes 256..=266: instructions the compiler's flow graph")
    p("/// works with and the assembler replaces. Columns: `(number, NAME, [flags],")
    p("/// [targets], targets_are_a_sequence, popped, pushed)`, the targets being")
    p("/// `_PyOpcode_PseudoTargets`.")
    p("#[doc(hidden)]")
    p("#[macro_export]")
    p("macro_rules! __pseudo_opcode_table {")
    p("    ($($selector:tt)*) => {")
    p("        $crate::__pseudo_opcode_expand! { ($($selector)*) oparg;")
    for line in aligned(cells):
        p("            " + line)
    p("        }")
    p("    };")
    p("}")
    return "\n".join(w) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--include", type=pathlib.Path, default=pathlib.Path(sysconfig.get_path("include")))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    text = render(load(args.include))
    if args.check:
        if OUT.read_text() != text:
            fail(f"{OUT.relative_to(ROOT)} is out of date; run {COMMAND}")
        return
    OUT.write_text(text)
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
