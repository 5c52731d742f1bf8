# Displays: tuples, lists, sets, dicts, with and without unpacking.
t = ()
t = (1,)
t = 1, 2, 3
t = (a, b, *c)
t = (*a, *b)
l = []
l = [1, 2, 3]
l = [*a, b, *c]
s = {1, 2}
s = {*a, b}
d = {}
d = {'a': 1, 'b': 2}
d = {**a, 'b': 2, **c}
d = {1: 2, **x}
big = [x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15,
       x16, x17, x18, x19, x20, x21, x22, x23, x24, x25, x26, x27, x28, x29, x30, x31, x32]
bigt = (x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15,
       x16, x17, x18, x19, x20, x21, x22, x23, x24, x25, x26, x27, x28, x29, x30, x31, x32)
bigd = {k0: v0, k1: v1, k2: v2, k3: v3, k4: v4, k5: v5, k6: v6, k7: v7, k8: v8,
        k9: v9, k10: v10, k11: v11, k12: v12, k13: v13, k14: v14, k15: v15, k16: v16}
consts = (1, 2, (3, 4))
