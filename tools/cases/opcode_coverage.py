#!/usr/bin/env python3.14
"""Static opcode coverage of the behaviour corpus tests/cases/*.pyc.

    python3.14 tools/cases/opcode_coverage.py          # table, files abridged
    python3.14 tools/cases/opcode_coverage.py --full   # every file for every opcode

Run tools/cases/gen_goldens.py first (it writes the .pyc files). Every code
object in every .pyc is walked recursively (nested functions, lambdas,
__annotate__ functions) with dis.get_instructions(code, adaptive=False), so
what is counted is the bytecode the CPython 3.14 compiler wrote, before any
specialisation.

The table lists each base opcode (the ones the compiler can emit, not the
specialised or instrumented forms) with its static count and the files it
occurs in. Base opcodes that never occur are split into:

  - not emitted by the compiler at all (CACHE, RESERVED, ...);
  - out of scope for the first milestone, each with the feature that needs it
    and a one-line example that this script compiles to prove the claim;
  - MISSING: in scope but not in the corpus.

It exits 1 if an in-scope opcode is missing, or if an opcode classified as out
of scope occurs in the corpus (a stale classification, or a case that uses an
out-of-scope feature such as a generator expression).

A second table does the same for the opargs that select behaviour inside one
opcode (BINARY_OP's operator, CALL_INTRINSIC_1's function, ...), for
information: a missing in-scope oparg is reported but does not fail.
"""

import dis
import marshal
import opcode
import os
import sys
from collections import defaultdict

CASES_REL = os.path.join("tests", "cases")

from scope import NOT_EMITTED, OUT_OF_SCOPE  # noqa: E402

# Opargs that select behaviour. name -> (oparg -> label function, {label: out-of-scope reason}).
def _nb(arg):
    return dis._nb_ops[arg][0] if arg < len(dis._nb_ops) else f"?{arg}"

def _cmp(arg):
    return dis.cmp_op[arg >> 5] + (" (to bool)" if arg & 16 else "")

def _flags(arg):
    return "+".join(n for i, n in enumerate(dis.FUNCTION_ATTR_FLAGS) if arg & (1 << i)) or "0"

OPARGS = {
    "BINARY_OP": (_nb, [n for n, _ in dis._nb_ops], {}),
    "COMPARE_OP": (_cmp, [op + s for op in dis.cmp_op for s in ("", " (to bool)")], {}),
    "CALL_INTRINSIC_1": (lambda a: dis._intrinsic_1_descs[a], dis._intrinsic_1_descs[1:], {
        "INTRINSIC_PRINT": "interactive REPL only",
        "INTRINSIC_IMPORT_STAR": "`from m import *`",
        "INTRINSIC_STOPITERATION_ERROR": "generators",
        "INTRINSIC_ASYNC_GEN_WRAP": "async generators",
        "INTRINSIC_TYPEVAR": "type parameters (PEP 695), need typing objects",
        "INTRINSIC_PARAMSPEC": "type parameters (PEP 695), need typing objects",
        "INTRINSIC_TYPEVARTUPLE": "type parameters (PEP 695), need typing objects",
        "INTRINSIC_SUBSCRIPT_GENERIC": "generic classes",
        "INTRINSIC_TYPEALIAS": "`type X = ...` statement, needs typing objects",
    }),
    "CALL_INTRINSIC_2": (lambda a: dis._intrinsic_2_descs[a], dis._intrinsic_2_descs[1:], {
        "INTRINSIC_TYPEVAR_WITH_BOUND": "type parameters (PEP 695), need typing objects",
        "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS": "type parameters (PEP 695), need typing objects",
        "INTRINSIC_SET_FUNCTION_TYPE_PARAMS": "type parameters (PEP 695), need typing objects",
        "INTRINSIC_SET_TYPEPARAM_DEFAULT": "type parameter defaults (PEP 696)",
    }),
    "CONVERT_VALUE": (lambda a: {1: "str", 2: "repr", 3: "ascii"}.get(a, f"?{a}"),
                      ["str", "repr", "ascii"], {}),
    "LOAD_COMMON_CONSTANT": (lambda a: getattr(dis._common_constants[a], "__name__", repr(a)),
                             ["AssertionError", "NotImplementedError", "tuple", "all", "any"], {
        "tuple": "only the inlined tuple(<genexpr>) fast path (generator expressions)",
        "all": "only the inlined all(<genexpr>) fast path (generator expressions)",
        "any": "only the inlined any(<genexpr>) fast path (generator expressions)",
    }),
    "SET_FUNCTION_ATTRIBUTE": (_flags, list(dis.FUNCTION_ATTR_FLAGS), {
        "annotations": "only for `from __future__ import annotations` and type-param scopes "
                       "(3.14 otherwise sets annotate)",
    }),
    "RAISE_VARARGS": (str, ["0", "1", "2"], {}),
    "RERAISE": (str, ["0", "1"], {}),
    "BUILD_SLICE": (str, ["2", "3"], {}),
    "CONTAINS_OP": (lambda a: ["in", "not in"][a], ["in", "not in"], {}),
    "IS_OP": (lambda a: ["is", "is not"][a], ["is", "is not"], {}),
    "RESUME": (lambda a: ["start", "after yield", "after yield from", "after await"][a & 3],
               ["start", "after yield", "after yield from", "after await"], {
        "after yield": "generators", "after yield from": "yield from", "after await": "coroutines",
    }),
    "LOAD_ATTR": (lambda a: "method" if a & 1 else "attribute", ["attribute", "method"], {}),
    "LOAD_GLOBAL": (lambda a: "+NULL" if a & 1 else "plain", ["plain", "+NULL"], {}),
}


def base_opcodes():
    ops = {}
    for name, num in opcode.opmap.items():
        if num >= 256:                     # pseudo-instructions, gone after assembly
            continue
        if name.startswith("INSTRUMENTED_"):
            continue
        ops[name] = num
    ops["CACHE"] = 0
    return dict(sorted(ops.items(), key=lambda kv: kv[1]))


def load_pyc(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != opcode_magic():
        raise SystemExit(f"{path}: not a CPython 3.14 .pyc (magic {data[:4]!r}); "
                         f"rerun tools/cases/gen_goldens.py")
    return marshal.loads(data[16:])


def opcode_magic():
    import importlib.util
    return importlib.util.MAGIC_NUMBER


def walk(code):
    yield code
    for c in code.co_consts:
        if isinstance(c, type(code)):
            yield from walk(c)


def ops_of_source(src):
    seen = set()
    for c in walk(compile(src, "<example>", "exec")):
        for ins in dis.get_instructions(c, adaptive=False):
            seen.add(ins.opname)
    return seen


def abridge(files, full):
    files = sorted(files)
    if full or len(files) <= 6:
        return ", ".join(files)
    return ", ".join(files[:5]) + f", ... (+{len(files) - 5} more)"


def main(argv):
    full = "--full" in argv
    if sys.version_info[:2] != (3, 14):
        raise SystemExit("opcode_coverage.py must run under python3.14")
    here = os.path.dirname(os.path.abspath(__file__))
    os.chdir(os.path.dirname(os.path.dirname(here)))
    pycs = sorted(fn for fn in os.listdir(CASES_REL) if fn.endswith(".pyc"))
    if not pycs:
        raise SystemExit("no tests/cases/*.pyc: run python3.14 tools/cases/gen_goldens.py first")

    count = defaultdict(int)
    files = defaultdict(set)
    arg_files = defaultdict(lambda: defaultdict(set))
    for fn in pycs:
        stem = fn[:-4]
        for code in walk(load_pyc(os.path.join(CASES_REL, fn))):
            for ins in dis.get_instructions(code, adaptive=False):
                count[ins.opname] += 1
                files[ins.opname].add(stem)
                if ins.opname in OPARGS:
                    arg_files[ins.opname][OPARGS[ins.opname][0](ins.arg)].add(stem)

    base = base_opcodes()
    unknown = set(count) - set(base)
    if unknown:
        raise SystemExit(f"unexpected opcodes in the corpus: {sorted(unknown)}")

    # Prove the out-of-scope reasons: each example must make the compiler emit the opcode.
    for name, (feature, example) in OUT_OF_SCOPE.items():
        if name not in ops_of_source(example):
            raise SystemExit(f"reason for {name} is stale: {example!r} does not emit it")
    bad = (set(NOT_EMITTED) | set(OUT_OF_SCOPE)) - set(base)
    if bad:
        raise SystemExit(f"classification names unknown opcodes: {sorted(bad)}")

    covered = [n for n in base if n in count]
    not_emitted = [n for n in base if n not in count and n in NOT_EMITTED]
    out_of_scope = [n for n in base if n not in count and n in OUT_OF_SCOPE]
    missing = [n for n in base if n not in count and n not in NOT_EMITTED and n not in OUT_OF_SCOPE]
    in_corpus_anyway = [n for n in covered if n in OUT_OF_SCOPE or n in NOT_EMITTED]

    print(f"Static opcode coverage of {len(pycs)} files in {CASES_REL}/ "
          f"(dis.get_instructions, adaptive=False)")
    print()
    print(f"Covered base opcodes ({len(covered)}):")
    print(f"  {'opcode':28} {'num':>4} {'count':>6} {'files':>5}  where")
    for n in covered:
        print(f"  {n:28} {base[n]:4} {count[n]:6} {len(files[n]):5}  {abridge(files[n], full)}")
    print()
    print(f"Never emitted by the compiler ({len(not_emitted)}):")
    for n in not_emitted:
        print(f"  {n:28} {base[n]:4}  {NOT_EMITTED[n]}")
    print()
    print(f"Out of scope for the first milestone ({len(out_of_scope)}):")
    for n in out_of_scope:
        feature, example = OUT_OF_SCOPE[n]
        print(f"  {n:28} {base[n]:4}  {feature}: {example!r}")
    if in_corpus_anyway:
        # Either the classification is wrong or a case uses an out-of-scope
        # feature (a generator expression slips in easily): both need fixing.
        print()
        print("ERROR: classified out of scope but present in the corpus:")
        for n in in_corpus_anyway:
            print(f"  {n:28} in {abridge(files[n], full)}")
    print()
    print("Oparg coverage (information only):")
    for name, (label, universe, oos) in OPARGS.items():
        seen = arg_files[name]
        print(f"  {name}:")
        for lab in universe:
            if lab in seen:
                print(f"    {lab:36} {len(seen[lab]):3} files  {abridge(seen[lab], full)}")
            elif lab in oos:
                print(f"    {lab:36}   - out of scope: {oos[lab]}")
            else:
                print(f"    {lab:36}   - MISSING")
        for lab in sorted(set(seen) - set(universe)):
            print(f"    {lab:36} {len(seen[lab]):3} files  {abridge(seen[lab], full)}")
    print()
    total = len(base)
    print(f"Summary: {total} base opcodes; {len(covered)} covered, {len(not_emitted)} never emitted, "
          f"{len(out_of_scope)} out of scope, {len(missing)} MISSING")
    if missing:
        print("MISSING in-scope opcodes (add a case that makes the compiler emit them):")
        for n in missing:
            print(f"  {n:28} {base[n]:4}")
    return 1 if missing or in_corpus_anyway else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
