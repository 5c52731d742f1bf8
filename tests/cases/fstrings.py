# f-strings: conversions, format specs, nested specs, the = specifier,
# nested quotes (3.12+), expressions inside.

name = "Wörld"
n = 42
x = 3.14159265
items = ["a", "b"]
d = {"key": "val", 1: "one"}

print(f"Hello, {name}!", f"{n}", f"{n!r}", f"{name!r}", f"{name!a}", f"{name!s}", f"{items!r}", f"{'q'!a}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{-n:+}|{n: }|{n:x}|{n:#x}|{n:X}|{n:#o}|{n:b}|{n:#b}|{n:c}")
print(f"{x:.2f}|{x:10.3f}|{x:<10.3f}|{x:e}|{x:.3E}|{x:g}|{x:.2%}|{x:+.1f}|{x:010.2f}|{-x:=10.2f}|{x:_>10.1f}")
print(f"{1234567:,}|{1234567:_}|{1234567.891:,.2f}|{0xdeadbeef:_x}|{255:08b}|{-255:#010x}|{1e6:.0e}")
print(f"{name:*^13}|{name:>8}|{name:.3}|{name:<7.2}|{'':-^5}|{True}|{True:d}|{None!r}|{3.0:g}")
w, p = 12, 3
print(f"{x:{w}.{p}f}|{x:>{w}}|{name:{'^'}{w}}|{n:{'0'}{w // 2}d}|{x:{'.'}{p}{'f'}}")
print(f"{n = }", f"{x=:.2f}", f"{name=!r:>10}", f"{n + 1 = }", f"{items[0]=}", f"{ d['key'] = }")
print(f"{d['key']}", f"{d[1]}", f"{items[-1]}", f"{len(items)}", f"{'nested {braces}'}", f"{{literal}}", f"{{{n}}}")
print(f"{n if n > 40 else 0}", f"{[i * i for i in range(4)]}", f"{(lambda v: v * 2)(21)}", f"{n:{'>' if n else '<'}6}|")
print(f"{"same quotes"}", f"{f"{f"{n}"}"}", f"{'\n'.join(['l1', 'l2'])}", f"a{'b'}c{'d'}e")
print(f"""multi
{name}
line""", f"{n!r:>6}", f"{x!s:.4}", f"{'é'!a}", f"{name!a:>12}")
print(f"{3 + 4j}", f"{3 + 4j:.1f}", f"{-0.0}", f"{float('inf'):>6}", f"{2 ** 100}", f"{10**20:,}", f"{0.1 + 0.2}")
print(f"{12:%}"[:5], f"{.5:.0%}", f"{1e-7}", f"{1e22:f}", f"{123.456:.0f}", f"{2.5:.0f}", f"{3.5:.0f}")
print(f"{'left':<10}|{'right':>10}|{'center':^10}|", f"{'x':\u00b7^9}", f"{7:{0}{3}}")
print(f"{n!s:>{w}}", f"{x!r:^20}", f"{name}" f"{n}" "plain", f"{ n }", f"{n:}", f"{name:}")
s = f"{n}"
print(type(s).__name__, len(f"{n:10}"), f"{n:10}".strip(), f"{''}" == "", f"" == "")
for spec in (".2f", "10", "<5", "x", ">+8.2e"):
    try:
        print(spec, repr(f"{x:{spec}}"))
    except ValueError as e:
        print(spec, "ValueError:", e)
for bad_val, spec in (("str", "d"), (42, ".2s"), (1.5, "x"), (42, "z")):
    try:
        print(f"{bad_val:{spec}}")
    except ValueError as e:
        print("ValueError:", e)
