# Workload: string building and formatting (f-strings with format specs,
# %-formatting, str.format, join, split, replace, slicing, case changes,
# searching). `strings.pyc N`: N scales the work. Prints a checksum
# python3.14 agrees with.
import sys


def fmt_rows(n):
    parts = []
    for i in range(n):
        parts.append(f"{i:>6}|{i * 2.5:10.3f}|{i:#x}|{'row':<5}{i % 7}")
    text = "\n".join(parts)
    return len(text), text.count("|"), text[-20:]


def percent(n):
    total = 0
    for i in range(n):
        s = "%05d:%-8s:%.2f:%x" % (i, "id%d" % (i % 13), i / 7, i * 31)
        total += len(s) + s.count("0")
    return total


def format_method(n):
    out = []
    for i in range(n):
        out.append("{0}-{1:03d}-{2}".format("k", i % 1000, "v" * (i % 4)))
    return len(",".join(out))


def words(n):
    base = "the quick brown fox jumps over the lazy dog while the cat sleeps"
    text = " ".join([base] * (n // 10 + 1))
    ws = text.split()
    caps = [w.upper() if len(w) > 3 else w.capitalize() for w in ws]
    joined = "-".join(caps)
    replaced = joined.replace("THE", "a").replace("-", " ")
    hits = 0
    pos = replaced.find("QUICK")
    while pos != -1:
        hits += 1
        pos = replaced.find("QUICK", pos + 1)
    return len(replaced), hits, replaced.startswith("a"), replaced[5:25]


def build_concat(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
        if len(s) > 500:
            s = s[250:]
    return s[:10], len(s)


def reverse_words(n):
    acc = 0
    for i in range(n):
        line = f"alpha beta gamma {i} delta"
        rev = " ".join(line.split()[::-1])
        acc += ord(rev[0]) + len(rev.strip().lower())
    return acc


n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
a = fmt_rows(20 * n)
b = percent(20 * n)
c = format_method(20 * n)
d = words(20 * n)
e = build_concat(200 * n)
g = reverse_words(20 * n)
print("rows", a)
print("percent", b)
print("format", c)
print("words", d)
print("concat", e)
print("reverse", g)
print("checksum", (a[0] * 31 + a[1] * 17 + b * 7 + c * 5 + d[0] * 3 + d[1] + e[1] + g) % 1000000007)
