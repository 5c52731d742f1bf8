"""Expressions: every operator, calls with every argument kind, method
calls, attribute chains, slices, displays with unpacking, ellipsis,
conditional expressions, comparisons, await-free lambdas."""

import sys

a, b, c = 1, 2, 3
arith = (a + b - c * a / b // c % a ** b) @ c if False else 0
bits = a & b | c ^ ~a << 2 >> 1
unary = (-a, +b, not c, ~a)
cmp = (a < b, a <= b, a == b, a != b, a > b, a >= b, a is b, a is not b, a in [b], a not in (c,))
chain = a < b < c
call = print(a, b, sep="-", end="\n")
method = "x".join(["a", "b"])
attrs = sys.version_info.major
sliced = [1, 2, 3][1:], [1, 2, 3][:-1], [1, 2, 3][::2], [1, 2, 3][a:b:c]
subscript = {"k": 1}["k"]
displays = [*range(2), 3], (*"ab", "c"), {*{1}, 2}, {**{"a": 1}, "b": 2}
ellipsis = ...
ternary = a if b else c
star_call = max(*[1, 2], *(3,), key=None)
kw_call = dict(**{"x": 1}, y=2, **{"z": 3})
big_list = [a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c, a, b, c]
big_dict = {"a": a, "b": b, "c": c, "d": a, "e": b, "f": c, "g": a, "h": b, "i": c, "j": a, "k": b, "l": c, "m": a, "n": b, "o": c, "p": a, "q": b, "r": c}


def calls(obj, *args, **kwargs):
    obj.method(1, 2)
    obj.attr.method(*args)
    obj(**kwargs)
    obj[0](1)[2] = 3
    return obj.a.b.c, obj[1:2, ::3], obj[...]
