# The builtins compile, exec and eval: modes, namespaces, flags, source
# kinds and the errors CPython raises for bad arguments.

code = compile("x = 40 + 2\nprint('exec ran', x)", "<demo>", "exec")
print(type(code).__name__, code.co_filename, code.co_name)
ns = {}
print(exec(code, ns), ns["x"], sorted([k for k in ns if k != "__builtins__"]))
print(eval("x * 2", ns), eval(compile("x - 2", "<e>", "eval"), ns))
print(eval("  \t 1 + 1"), eval(b"3 * 3"), eval(bytearray(b"'ba' 'r'")))

# Namespaces: globals only, globals and locals, the caller's.
g = {"a": 1}
loc = {"b": 2}
exec("c = a + b", g, loc)
print(sorted(loc), "c" in g)
y = 5


def caller():
    z = 7
    return eval("y + z")


print(caller(), eval("y"))
exec("y = 6")
print(y)

# 'single' mode prints expression statements through sys.displayhook.
exec(compile("1 + 1", "<single>", "single"))
exec(compile("None", "<single>", "single"))
exec(compile("if 1:\n  'text'\n  2\n", "<single>", "single"))

# Source with a coding cookie, given as bytes.
print(eval(compile(b"# -*- coding: latin-1 -*-\n'caf\xe9'", "<latin>", "eval")))

# Syntax errors carry CPython's position.
for src, mode in [("x = = 1", "exec"), ("1 +", "eval"), ("return 5", "exec"),
                  ("def f(a, a): pass", "exec"), ("nonlocal q", "exec"),
                  ("if x:\npass", "exec"), ("f(**a, *b)", "eval")]:
    try:
        compile(src, "<bad>", mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))

# Argument errors.
for call in [
    lambda: compile("1", "f", "nonsense"),
    lambda: compile("1", "f", "exec", flags=0x10000000),
    lambda: compile("1", "f", "exec", optimize=5),
    lambda: compile(42, "f", "exec"),
    lambda: compile("1", 42, "exec"),
    lambda: compile("a\0b", "f", "exec"),
    lambda: exec(42),
    lambda: exec("1", []),
    lambda: exec("1", {}, 42),
    lambda: eval(42),
    lambda: eval("1", []),
    lambda: eval("1", {}, 42),
    lambda: eval(),
    lambda: exec("1", {}, {}, {}),
    lambda: eval((lambda: y).__code__),
]:
    try:
        call()
    except (TypeError, ValueError, SyntaxError) as e:
        print(type(e).__name__, e)

# Exceptions inside exec'd code propagate with their traceback.
try:
    exec("def boom():\n    raise KeyError('k')\nboom()", {})
except KeyError as e:
    print("KeyError", e)
