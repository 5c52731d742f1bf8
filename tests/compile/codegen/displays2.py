# Large displays and calls (over the stack-use guideline) with unpacking.
d = {**a, k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, k8: 8, k9: 9,
     k10: 10, k11: 11, k12: 12, k13: 13, k14: 14, k15: 15, k16: 16, **b, k17: 17}
s = {x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15, x16,
     x17, x18, x19, x20, x21, x22, x23, x24, x25, x26, x27, x28, x29, x30, *more}
f(*a, k0=0, k1=1, k2=2, k3=3, k4=4, k5=5, k6=6, k7=7, k8=8, k9=9, k10=10,
  k11=11, k12=12, k13=13, k14=14, k15=15, k16=16, **kw)
f(a, b, **k1, **k2)
f(**k1, x=1)
t = *a, *b, c
big = f'{a0}{a1}{a2}{a3}{a4}{a5}{a6}{a7}{a8}{a9}{a10}{a11}{a12}{a13}{a14}{a15}'
