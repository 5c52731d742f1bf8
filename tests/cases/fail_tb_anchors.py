# Caret and tilde markers for every anchor kind, shown through a chain of
# exceptions (each link prints its own traceback).

errors = []


def catch(fn, *args):
    try:
        fn(*args)
    except Exception as e:
        errors.append(e)


def binop_plus(a, b):
    return a + b


def binop_two_chars(a, b):
    total = a // b
    return total


def binop_power(a):
    return 2 ** a


def binop_parens(a, b):
    return (a) * (b + 1) - (None)


def binop_comment(a, b):
    value = (a  # the left operand
             - b)
    return value


def binop_backslash(a, b):
    value = a \
        % b
    return value


def binop_shift(a, b):
    return a << b


def binop_matmul(a, b):
    return a @ b


def subscript_simple(d):
    return d["missing"]


def subscript_nested(m):
    return m[0][5]


def subscript_spaces(lst):
    return lst [ 3 ]


def subscript_multiline(d):
    return d[
        "key"
    ]


def call_inner(f):
    return 1 + f(None)


def call_method(items):
    return items.index(99)


def call_parens(f):
    return (f)(1, 2)


def call_multiline(f):
    result = f(
        1,
        2,
        3,
    ) + 1
    return result


def whole_return(f):
    return f(1)


def whole_assign(f):
    x = f(1)
    return x


def assign_plus(f):
    y = f(1) + 0
    return y


def attribute(obj):
    return obj.missing_attribute


def in_fstring(a, b):
    return f"total: {a + b}!"


def compare(a, b):
    return a < b < 3


def unary(a):
    return -a


def augmented(total):
    total += "a"
    return total


def delete(d):
    del d["gone"]


def slice_step(lst):
    return lst[1:2:0]


def attribute_chain(obj):
    return obj.real.imag.nothing


def long_middle(a, b, c):
    return (
        a
        +
        b
        +
        c
    )


catch(binop_plus, "a", 1)
catch(binop_two_chars, 1, 0)
catch(binop_power, "x")
catch(binop_parens, 2, 3)
catch(binop_comment, "s", 1)
catch(binop_backslash, 5, 0)
catch(binop_shift, 1, -1)
catch(binop_matmul, 1, 2)
catch(subscript_simple, {})
catch(subscript_nested, [[1, 2]])
catch(subscript_spaces, [])
catch(subscript_multiline, {})
catch(call_inner, len)
catch(call_method, [1, 2])
catch(call_parens, len)
catch(call_multiline, len)
catch(whole_return, len)
catch(whole_assign, len)
catch(assign_plus, len)
catch(attribute, None)
catch(in_fstring, 1, "b")
catch(compare, 1, "b")
catch(unary, "a")
catch(augmented, 1)
catch(delete, {})
catch(slice_step, [1, 2])
catch(attribute_chain, 1)
catch(long_middle, 1, 2, None)
catch(lambda: [][0])
catch(lambda: {}["k"])

for i in range(1, len(errors)):
    errors[i].__context__ = errors[i - 1]
raise errors[-1]
