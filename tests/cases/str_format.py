# str.format, format_map and the format() builtin.

print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"), "{1}{0}".format("x", "y"), "{name}-{n}".format(name="k", n=5))
print("{0[0]} {0[1]} {1[key]} {2.real} {2.imag} {3[1][0]}".format([10, 20], {"key": "v"}, 3 + 4j, (0, [7])))
print("{!r} {!s} {!a} {!r:>8}".format("é", "é", "é", "é"), "{0!r:>8}".format("x"))
print("{:>8}|{:<8}|{:^8}|{:*^8}|{:08.3f}|{:+d}|{:,}|{:_b}".format("r", "l", "c", "s", 3.14159, 5, 10 ** 6, 255))
print("{:{}}|{:{}.{}f}|{:{fill}{align}{width}}".format("w", 6, 2.5, 8, 2, "x", fill="-", align="^", width=7))
print("{{}} {{{}}} {{0}}".format("in"), "{:%}".format(0.5), "{:.1e}".format(12345), "{:x}{:X}{:o}".format(255, 255, 8))
print("{0:>{1}}|{0:<{1}}|".format("ab", 5), "{:#06x}|{:#b}|{:#o}".format(42, 5, 8), "{:=+8}".format(-42))
print("{:.3}|{:.3}|{:10.4}|{:g}|{:G}|{:.0f}".format("abcdef", 3.14159, 1234.5678, 1e-10, 1e20, 0.5))
print("{a}{b}".format_map({"a": 1, "b": 2}), "{x[0]}".format_map({"x": "hey"}))
print(format(42), format(42, "x"), format(3.5, "08.2f"), format("s", ">4"), format(True), format(None))
print(format(1e16), format(1.0, ""), format(0.1, ".20f"), format(2 ** 64, "e"), format(-0.0, "z.1f"), format(-0.0001, "z.2f"))
print(format(123.456, ".5g"), format(0.0000123, ".2g"), format(1234567.0, ".3g"), format(100, ".2e"), format(5, ".1f"))
print(format(1234.5, "_.2f"), format(1234, "08,"), format(-1234, "010,d"), format(0, "+"), format(7, " "))
print(format([1, 2]), format((1,)), format({1: 2}), format(3 + 0j), format("é", "^5") + "|")
for fmt, args, kw in (("{", (), {}), ("}", (), {}), ("{0}", (), {}), ("{x}", (), {}), ("{0:d}", ("s",), {}),
                      ("{:.2f}", ("s",), {}), ("{0[5]}", ([1],), {}), ("{0.missing}", (1,), {}),
                      ("{!x}", (1,), {}), ("{}{0}", (1, 2), {})):
    try:
        print(repr(fmt.format(*args, **kw)))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
