# printf-style % formatting of str (and bytes).

print("%s %s %s" % ("a", 1, [2]))
print("%r %r %a %a" % ("q", 1.5, "é", "x"))
print("%d %i %d %d %d" % (42, -7, 3.99, True, 2 ** 70))
print("%5d|%-5d|%05d|%+d|% d|%+05d|%.3d|%5.3d" % (42, 42, 42, 42, 42, -42, 7, 7))
print("%x %X %#x %#X %o %#o %x" % (255, 255, 255, 255, 8, 8, -255))
print("%e %E %.2e %10.3e %-12.1e|" % (12345.678, 0.00012, 1e100, -3.5, 2.0))
print("%f %.2f %10.4f %-10.1f| %+.0f %08.3f %.0f %.0f" % (3.14159, 2.675, 1 / 3, -2.5, 2.5, -3.14159, 0.5, 1.5))
print("%g %g %g %g %.3g %#g %G" % (0.0001, 0.00001, 123456, 1234567, 3.14159, 2.0, 1e-10))
print("%c%c%c %c" % (72, 105, 33, "Z"))
print("%% %s%%" % 50, "100%%" % (), "%s" % ((1, 2),), "%s" % [1, 2], "%s" % {"a": 1})
print("%(name)s is %(age)d; %(name)r" % {"name": "Bob", "age": 30})
print("%*d|%-*d|%.*f|%*.*f" % (6, 42, 6, 42, 2, 3.14159, 8, 3, 2.71828))
print("%s" % "single", "%s" % 5, "%d%%" % 99, "[%10s][%-10s][%.2s]" % ("right", "left", "truncate"))
print("%s %s" % (None, True), "%d" % False, "%5s|%-5s|" % (1.5, None), "%.3s" % 1.23456)
print("%x" % 2 ** 100, "%d" % -2 ** 80, "%e" % 2 ** 100, "%.1f" % 1e20, "%f" % float("inf"), "%F" % float("nan"))
print(b"%s and %d and %x" % (b"bytes", 42, 255), b"%c%c" % (65, b"B"), b"%5s|%-5s|" % (b"r", b"l"), b"%%")
print(b"%r" % b"x", b"%a" % "é", b"%(k)s" % {b"k": b"v"})
for fmt, args in (("%d", "x"), ("%s %s", ("one",)), ("%s", ("a", "b")), ("%z", 1), ("%c", 1114112),
                  ("%(k)s", ("t",)), ("%c", "ab"), ("%(a)s", {})):
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(type(e).__name__ + ":", e)
