"""Module docstring."""

# a comment

x = (1 +
     2 +
     3)
y = [
    1,
    2,
]


z = x; w = y; pass
def f(
    a,
    b,
):
    return a + b
v = f(
    1,
    2,
)
if (x
        and y):
    pass
u = x \
    + 1
s = """multi
line"""
t = f"{x} and {y!r:>10}"
r = f"{x}"
q = f"{'nested'}"
p = x if y else \
    z
