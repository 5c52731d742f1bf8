"""Comprehensions (inlined since 3.12): list, set, dict, nested, with
conditions, shadowing, walrus inside, at module, class and function level."""

data = [3, 1, 2]
lst = [x * 2 for x in data]
st = {x % 2 for x in data if x}
dct = {k: v for k, v in zip(data, "abc")}
nested = [[i + j for j in range(i)] for i in range(4)]
flat = [c for row in nested for c in row if c if c > 1]
x = "outer"
shadow = [x for x in range(3)]
walrus = [last := y for y in data]


def in_function(items, factor):
    doubled = [i * factor for i in items]
    lookup = {i: [j for j in range(i) if j != factor] for i in items}
    unique = {str(i) for i in doubled}
    closure = [lambda: i for i in items]
    return doubled, lookup, unique, closure


class InClass:
    base = 10
    values = [v for v in range(3)]
    uses_iter = [base for _ in range(2)]
