# Template strings (PEP 750): t"..." builds string.templatelib.Template
# without any import. Print reprs and the parts.

name = "World"
n = 42
x = 3.14159
t = t"Hello {name}!"
print(type(t).__name__, repr(t))
print(t.strings, t.values)
print(t.interpolations)
i = t.interpolations[0]
print(type(i).__name__, repr(i), i.value, i.expression, i.conversion, repr(i.format_spec))

t2 = t"{n!r:>8} and {x:.2f} and {name=} and {n + 1}"
print(repr(t2))
print(t2.strings, t2.values)
for part in t2.interpolations:
    print(" ", repr(part.value), repr(part.expression), part.conversion, repr(part.format_spec))

empty = t""
print(repr(empty), empty.strings, empty.values, empty.interpolations)
only = t"{n}"
print(repr(only), only.strings)
adjacent = t"{n}{name}"
print(adjacent.strings, adjacent.values)
w = 10
nested = t"{x:{w}.{n // 20}f}"
print(repr(nested), repr(nested.interpolations[0].format_spec))
print(list(t), len(t.strings), len(t.interpolations))
concat = t"a{n}" + t"b{name}"
print(repr(concat))
multi = t"""line1 {name}
line2 {n!s}"""
print(repr(multi))
raw = rt"\n{name}\t"
print(raw.strings)

def render(template):
    out = []
    for item in template:
        if isinstance(item, str):
            out.append(item)
        else:
            value = item.value
            if item.conversion == "r":
                value = repr(value)
            elif item.conversion == "s":
                value = str(value)
            elif item.conversion == "a":
                value = repr(value).encode("ascii", "backslashreplace").decode("ascii")
            out.append(format(value, item.format_spec))
    return "".join(out)

print(render(t), "|", render(t2), "|", render(nested), "|", render(multi))
try:
    t + "plain"
except TypeError as e:
    print("TypeError:", e)
try:
    str(t)
    print("str() of a template:", str(t) == repr(t))
except TypeError as e:
    print("TypeError:", e)
