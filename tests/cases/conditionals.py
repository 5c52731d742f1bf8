# Truthiness, and/or value semantics, conditional expressions, chained
# comparisons (each operand evaluated once), is/is not, in/not in, None tests.

def show(tag, value):
    print(tag, repr(value))
    return value

for v in (0, 1, -1, 0.0, 0.1, "", "0", [], [0], (), {}, {0: 0}, set(), None, True, False, 0j, range(0), b""):
    print(repr(v), bool(v), not v, "truthy" if v else "falsy")

print("-- and / or return operands")
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0, [] and 1, "a" and "b" and "c")
print(0 or None, False or 0, (1, 2) or 3, not 0 or 5, not (0 or 5), 1 and not 0)
r = show("L", 0) and show("R", 1)
r = show("L", 1) or show("R", 1)
r = show("L", 1) and show("R", 2)
r = show("L", "") or show("R", "x")

print("-- conditional expressions")
for n in (-5, 0, 5):
    print(n, "neg" if n < 0 else "zero" if n == 0 else "pos", (n if n > 0 else -n), abs(n) if n else "z")
a = 3
print("a" if a == 3 else "b", [x if x % 2 else x * 10 for x in range(5)], (lambda v: "y" if v else "n")(a))

print("-- chained comparisons")
x = 5
print(1 < x < 10, 1 < x > 10, 1 < x <= 5 < 6, x == 5 == 5.0, 1 < 2 > 0 < 3, 3 > 2 > 1 > 0, 0 < x != 5)
print(show("a", 1) < show("b", 2) < show("c", 3))
print(show("a", 1) < show("b", 0) < show("c", 3))
print("a" < "b" <= "b" != "c", [1] < [2] < [3], 1 == 1.0 == True, None is None is not False)
lo, hi = 0, 10
for v in (-1, 0, 5, 10, 11):
    print(v, lo <= v < hi, not lo <= v < hi, lo < v and v < hi)

print("-- identity and membership")
n1 = None
n2 = 0
print(n1 is None, n2 is None, n1 is not None, n2 is not None, n1 == None, True is True, False is not True)
lst = [1, 2, 3]
alias = lst
copy = list(lst)
print(lst is alias, lst is copy, lst == copy, lst is not copy, 2 in lst, 4 not in lst, not 4 in lst)
print("b" in "abc", "bc" in "abc", "ac" in "abc", 1 in {1: "x"}, "x" in {1: "x"}, 1 in {1, 2}, (1, 2) in [(1, 2)])
print(None in [None], 0 in [False], 1.0 in [1], "1" in [1], [] in [[]], b"a" in b"abc", 97 in b"abc")

def kind(v):
    if v is None:
        return "none"
    elif v is not None and isinstance(v, bool):
        return "bool"
    elif isinstance(v, int) and not v:
        return "zero"
    elif isinstance(v, int):
        return "int"
    else:
        return "other"

print([kind(v) for v in (None, True, 0, 7, "s")])

def first_not_none(*vals):
    for v in vals:
        if v is not None:
            return v
    return "all none"

print(first_not_none(None, None, 0), first_not_none(), first_not_none(None, "x"))

print("-- if/elif/else ladders and nested ifs")
for score in (95, 85, 75, 65, 10):
    if score >= 90:
        grade = "A"
    elif score >= 80:
        grade = "B"
    elif score >= 70:
        grade = "C"
    else:
        if score >= 60:
            grade = "D"
        else:
            grade = "F"
    print(score, grade)
if not []:
    print("empty list is falsy")
if [] or {} or "":
    print("unreachable")
else:
    print("all falsy")
flag = True
while flag:
    flag = not flag
    print("ran once")
