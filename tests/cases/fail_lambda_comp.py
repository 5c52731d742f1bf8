# A traceback through a lambda called inside a (3.12+ inlined) list
# comprehension: the comprehension adds no frame of its own.

scale = lambda v: 100 // v


def scaled(values):
    return [scale(v) for v in values if v is not None]


print(scaled([1, 2, None, 5]))
print(scaled([4, 0, 2]))
