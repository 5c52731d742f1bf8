# Argument Clinic's checks for builtins and methods, in its order and words.
calls = [
    lambda: [].sort(reversed=True), lambda: [].sort(1), lambda: sorted([], reversed=1),
    lambda: "a".split(sepp=1), lambda: "a".split(1, 2, 3), lambda: "a".split(sep=1, maxsplit=2, x=3),
    lambda: int("1", bas=2), lambda: int(x=1), lambda: "a".replace(), lambda: "a".replace(count=1),
    lambda: pow(bas=1), lambda: pow(1), lambda: pow(1, exp=2, base=1), lambda: round(numbr=1),
    lambda: "".encode(encodng="x"), lambda: divmod(x=1), lambda: [].sort(key=None, zzzzz=1),
    lambda: int("1", 2, base=3), lambda: b"".decode(errrors="x"), lambda: b"a".hex(sepp=":"),
    lambda: "a".splitlines(keepend=True), lambda: "a".expandtabs(tabsiz=2),
    lambda: sorted(), lambda: sorted([], None), lambda: dict([1]), lambda: dict([[1]]),
]
for f in calls:
    try:
        f()
        print("no error")
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e, getattr(e, "__notes__", ""))
