#!/usr/bin/env python3.14
"""Regenerate the goldens for code units nested in a module (functions,
lambdas, classes, comprehensions, generators), with CPython 3.14.

Run from anywhere (it changes to the repository root itself):

    python3.14 tools/compile/dump_nested.py          # every source
    python3.14 tools/compile/dump_nested.py NAME ... # only these

CPython exposes the code generation output of nested units
(InstructionSequence.get_nested()) but not their constants, so the
optimiser and the assembler are checked through CPython's own test entry
points, fed placeholder constants (the int 1000 + i for LOAD_CONST i):

  - `_testinternalcapi.optimize_cfg(seq, consts, nlocals)` runs the flow
    graph optimisations (as for a unit without parameters, first line 1)
    and returns the optimised sequence and constants;
  - `_testinternalcapi.assemble_code_object(filename, seq, metadata)` turns
    the unoptimised sequence into a code object (cells, free variables,
    localsplus kinds, borrowed loads, exception and line tables).

For each tests/compile/nested/<name>.py, and each standard library module
named in tests/compile/nested/stdlib.txt (read from python3.14's own Lib/,
golden `stdlib_<module>`), tests/golden/nested/<name>.txt holds one block per nested unit (depth first): `unit QUALNAME`, the
metadata taken from the unit's final code object (names, varnames, the
sorted cellvars, freevars, hidden locals, argument counts, first line),
`nconsts N`, the `instr` lines of the code generation output (as in
dump_assemble.py), `opt` lines and `optconsts` for optimize_cfg's result,
`assembled HEX` (marshal.dumps of assemble_code_object's result) and `end`.
tests/compile_nested.rs reads them.
"""

import ast
import marshal
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC_DIR = os.path.join(ROOT, "tests", "compile", "nested")
# PYRS_GOLDEN_OUT redirects the output (a survey over more modules than
# the committed goldens, read back with the tests' PYRS_GOLDEN_DIR).
OUT_DIR = os.environ.get("PYRS_GOLDEN_OUT") or os.path.join(ROOT, "tests", "golden", "nested")
CO_FAST_HIDDEN = 0x10


def hexdump(obj):
    return marshal.dumps(obj).hex()


def code_consts(code):
    return [c for c in code.co_consts if hasattr(c, "co_code")]


def instr_lines(prefix, insts):
    return [
        f"{prefix} {op} {0 if arg is None else arg} {l} {el} {c} {ec}"
        for op, arg, l, el, c, ec in insts
    ]


def unreachable_pop_block(insts):
    """Whether a POP_BLOCK sits where label_exception_targets never goes
    (it only turns reachable ones into NOPs)."""
    import opcode

    pseudo = {n: v for n, v in opcode.opmap.items() if v >= 256}
    ends = {opcode.opmap[n] for n in ("RETURN_VALUE", "RAISE_VARARGS", "RERAISE")}
    ends |= {pseudo["JUMP"], pseudo["JUMP_NO_INTERRUPT"]}
    targets = set(opcode.hasjump) | {pseudo[n] for n in ("SETUP_FINALLY", "SETUP_CLEANUP", "SETUP_WITH")}
    seen = set()
    todo = [0]
    while todo:
        i = todo.pop()
        if i in seen or i >= len(insts):
            continue
        seen.add(i)
        op, arg = insts[i][0], insts[i][1]
        if op in targets:
            todo.append(arg)
        if op not in ends:
            todo.append(i + 1)
    return any(op == pseudo["POP_BLOCK"] and i not in seen for i, (op, *_) in enumerate(insts))


def dump_unit(t, filename, seq, code, out):
    import opcode

    insts = seq.get_instructions()
    load_const = opcode.opmap["LOAD_CONST"]
    nconsts = 1 + max((a for op, a, *_ in insts if op == load_const), default=-1)
    consts = [1000 + i for i in range(nconsts)]
    kinds = t.get_co_localskinds(code)
    hidden = tuple(n for n, k in kinds.items() if k & CO_FAST_HIDDEN)
    names = code.co_names
    varnames = code.co_varnames
    cellvars = tuple(sorted(code.co_cellvars))
    freevars = code.co_freevars
    argcount = code.co_argcount - code.co_posonlyargcount
    out += [
        f"unit {code.co_qualname}",
        f"name {code.co_name}",
        f"firstlineno {code.co_firstlineno}",
        f"argcount {argcount}",
        f"posonlyargcount {code.co_posonlyargcount}",
        f"kwonlyargcount {code.co_kwonlyargcount}",
        f"names {hexdump(names)}",
        f"varnames {hexdump(varnames)}",
        f"cellvars {hexdump(cellvars)}",
        f"freevars {hexdump(freevars)}",
        f"fasthidden {hexdump(hidden)}",
        f"nconsts {nconsts}",
    ]
    out += instr_lines("instr", insts)
    opt_consts = list(consts)
    optimized = t.optimize_cfg(seq, opt_consts, len(varnames))
    out += instr_lines("opt", optimized.get_instructions())
    out.append(f"optconsts {hexdump(tuple(opt_consts))}")
    metadata = {
        "name": code.co_name,
        "qualname": code.co_qualname,
        "consts": {c: i for i, c in enumerate(consts)},
        "names": {n: i for i, n in enumerate(names)},
        "varnames": {n: i for i, n in enumerate(varnames)},
        "cellvars": {n: i for i, n in enumerate(cellvars)},
        "freevars": {n: i + len(cellvars) for i, n in enumerate(freevars)},
        "fasthidden": {n: True for n in hidden},
        "argcount": argcount,
        "posonlyargcount": code.co_posonlyargcount,
        "kwonlyargcount": code.co_kwonlyargcount,
        "firstlineno": code.co_firstlineno,
    }
    if unreachable_pop_block(insts):
        # CPython's unoptimised path would hand the POP_BLOCK to the
        # assembler, which reads past its opcode tables (and may crash).
        out.append("assembled skipped")
    else:
        assembled = t.assemble_code_object(filename, seq, metadata)
        out.append(f"assembled {hexdump(assembled)}")
    out.append("end")


def walk(t, filename, seq, code, out):
    nested = seq.get_nested()
    codes = code_consts(code)
    if len(nested) != len(codes):
        # The optimiser dropped a nested unit's code as unreachable, so the
        # sequences no longer pair with the code constants: leave them out.
        print(f"  {filename}: {code.co_qualname}: {len(nested)} nested sequences, "
              f"{len(codes)} code constants; not dumped", file=sys.stderr)
        return
    for s, c in zip(nested, codes):
        dump_unit(t, filename, s, c, out)
        walk(t, filename, s, c, out)


def source_of(name):
    """The source and file name of a golden: a file of SRC_DIR, or a
    standard library module for `stdlib_<module>`."""
    if name.startswith("stdlib_"):
        module = name[len("stdlib_"):]
        path = os.path.join(os.path.dirname(os.__file__), *module.split(".")) + ".py"
        filename = module + ".py"
    else:
        path = os.path.join(SRC_DIR, name + ".py")
        filename = name + ".py"
    with open(path, encoding="utf-8") as f:
        return f.read(), filename


def stdlib_names():
    listing = os.path.join(SRC_DIR, "stdlib.txt")
    if not os.path.exists(listing):
        return []
    with open(listing, encoding="utf-8") as f:
        return ["stdlib_" + l.strip() for l in f if l.strip() and not l.startswith("#")]


def dump(name):
    import _testinternalcapi as t

    src, filename = source_of(name)
    seq, _ = t.compiler_codegen(ast.parse(src), filename, 0)
    code = compile(src, filename, "exec", optimize=0)
    out = [
        f"# Generated by `python3.14 tools/compile/dump_nested.py {name}` "
        f"from {filename}; do not edit.",
        f"filename {filename}",
    ]
    walk(t, filename, seq, code, out)
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, name + ".txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def main(argv):
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        exe = shutil.which("python3.14") or sys.executable
        os.execve(exe, [exe, *sys.argv], env)
    os.chdir(ROOT)
    names = [os.path.basename(a).removesuffix(".py").removesuffix(".txt") for a in argv]
    if not names:
        names = sorted(f[:-3] for f in os.listdir(SRC_DIR) if f.endswith(".py"))
        names += stdlib_names()
    failed = 0
    for name in names:
        try:
            dump(name)
        except Exception as e:  # one unreadable module must not stop a survey
            failed += 1
            print("skipped", name, f"({type(e).__name__}: {e})", file=sys.stderr)
            continue
        print("wrote", os.path.join(OUT_DIR, name + ".txt"))
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
