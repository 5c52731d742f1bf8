# print() and the standard streams: sep, end, file, flush; writing to
# sys.stdout/sys.stderr directly. Exit status 0 with output on both streams.
import sys

print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ", end=".\n")
print("no newline", end="")
print(" -- continued")
print(1, 2.0, None, True, [1], (2,), {3: 4}, {5}, "s", b"b", sep=" | ")
print("x", sep=None, end=None)
print(*range(5), sep="\t")
print(*"abc", sep="\n")
print("multi\nline\nstring")
print("to stderr", file=sys.stderr)
print("stderr", "with", "sep", sep="-", file=sys.stderr, end="!\n")
print("flushed", flush=True)
print("explicit stdout", file=sys.stdout)
print("none file means stdout", file=None)
n = sys.stdout.write("written directly\n")
print("write returned", n)
m = sys.stderr.write("direct to stderr\n")
print("stderr write returned", m)
print("", end="")
print("", "", sep="x")
print("unicode: é ñ 日本 😀", "tab\tsep")
print("empty end", end="")
print()
print(repr("quoted"), str("plain"), "%5s|" % "pad")
for i in range(3):
    print(i, end=" " if i < 2 else "\n")
print("sep and end both", "!", sep="_", end="<END>\n")
try:
    print("bad sep", sep=1)
except TypeError as e:
    print("TypeError:", e)
try:
    print("bad end", end=[])
except TypeError as e:
    print("TypeError:", e)
try:
    print("bad file", file=5)
except AttributeError as e:
    print("AttributeError:", e)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, -sys.maxsize - 1, type(sys.maxsize).__name__)
print("last line, no trailing newline", end="")
