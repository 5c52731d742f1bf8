"""Strings: literals, concatenation, f-strings with conversions, format
specs, nested fields, debugging '=', t-strings, bytes, escapes."""

name = "world"
width = 10
plain = "hello" " " "there"
raw = r"\d+\n"
bts = b"\x00\xff" b"more"
escapes = "tab\there\nnewline \N{BULLET} \u00e9"
simple = f"hello {name}"
conv = f"{name!r} {name!s} {name!a}"
spec = f"{3.14159:.2f} {42:>{width}} {name:{'<' if width else '>'}{width}}"
debug = f"{name=} {width = :>5}"
nested = f"{f'{name}'}"
multi = f"""
{name}
{width:#x}
"""
joined = f"a{name}b" "c" f"{width}"
template = t"hello {name} and {width:>3}"
empty_template = t""
ops = "abc" * 2 + "d"[0]
doc_like = """Triple
quoted"""


def formatter(value, spec):
    return f"{value:{spec}}", f"{value!r:^20}", f"{'nested {}'.format(value)}"
