#!/usr/bin/env python3.14
"""Regenerate the command-line goldens of tests/compile/cli/ with CPython 3.14.

    python3.14 tools/compile/dump_cli.py

Each invocation below is run from the repository root as python3.14
would run it; tests/compile_cli.rs runs pyrs with the same arguments
(`--dis FILE` for python3.14's `-m dis FILE`) and compares stdout, stderr
and the exit status. Code object addresses (`at 0x...`) are written
`at 0x?` on both sides.
"""

import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join("tests", "compile", "cli")
D = OUT
# name, pyrs arguments, stdin
INVOCATIONS = [
    ("c_print", ["-c", "print(1+2)"], b""),
    ("c_argv", ["-c", "import sys; print(sys.argv)", "a", "-b"], b""),
    ("c_syntax_error", ["-c", "x = (1 +"], b""),
    ("c_exit", ["-c", "import sys; sys.exit(3)"], b""),
    ("c_traceback", ["-c", "x = 1\ndef f():\n    return 1/0\nf()"], b""),
    ("c_exec_same_key", ["-c", "exec('1/0')"], b""),
    ("stdin", ["-", "arg"], b"import sys\nprint('from stdin', sys.argv)\n"),
    ("stdin_raises", ["-"], b"print('before')\n{}['k']\n"),
    ("file", [f"{D}/simple.py"], b""),
    ("file_syntax_error", [f"{D}/syntax_error.py"], b""),
    ("file_indent_error", [f"{D}/indent_error.py"], b""),
    ("file_raises", [f"{D}/raises.py"], b""),
    ("file_missing", [f"{D}/no_such_file.py"], b""),
    ("dis", ["--dis", f"{D}/simple.py"], b""),
]
ADDRESS = re.compile(rb" at 0x[0-9a-f]+")


def python_args(args):
    if args[0] == "--dis":
        return ["-m", "dis", *args[1:]]
    return args


def main():
    os.chdir(ROOT)
    exe = shutil.which("python3.14") or sys.executable
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"}
    with open(os.path.join(OUT, "invocations.txt"), "w") as f:
        for name, args, stdin in INVOCATIONS:
            # One invocation a line, tab-separated; a backslash and a
            # newline inside an argument are written `\\` and `\n`.
            esc = [a.replace("\\", "\\\\").replace("\n", "\\n") for a in args]
            f.write(name + "\t" + "\t".join(esc) + "\n")
            r = subprocess.run([exe, *python_args(args)], input=stdin, capture_output=True, env=env)
            # The program name and the checkout's path differ between
            # machines: written as `pyrs:` and `<root>`.
            err = re.sub(rb"^\S*python3\.14:", b"pyrs:", r.stderr, flags=re.M)
            err = err.replace(ROOT.encode(), b"<root>")
            for ext, data in (("stdout", r.stdout), ("stderr", err),
                              ("status", f"{r.returncode}\n".encode()), ("stdin", stdin)):
                with open(os.path.join(OUT, f"{name}.{ext}"), "wb") as g:
                    g.write(ADDRESS.sub(b" at 0x?", data))
    print("wrote", OUT)


if __name__ == "__main__":
    main()
