# Calls: positional, keyword, starred, double-starred, methods.
f()
f(1, 2)
f(a, b=1)
f(*args)
f(a, *args)
f(**kw)
f(a, *b, c=1, **d)
f(*a, *b)
f(a=1, **b, c=2)
o.m()
o.m(1, k=2)
o.m(*a)
o.m(**k)
o.a.b.m(x)
f(x for x in y)
f((x for x in y), 1)
print(*[1, 2], sep='')
f(a)(b)(c)
f(x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15,
  x16, x17, x18, x19, x20, x21, x22, x23, x24, x25, x26, x27, x28, x29, x30, x31, x32)
o.m(x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15,
    x16, x17, x18, x19, x20, x21, x22, x23, x24, x25, x26, x27, x28, x29, x30, x31, x32)
f(k0=0, k1=1, k2=2, k3=3, k4=4, k5=5, k6=6, k7=7, k8=8, k9=9, k10=10, k11=11,
  k12=12, k13=13, k14=14, k15=15, k16=16)
(o
   .m
   (1))
all(x for x in y)
any(x for x in y)
tuple(x for x in y)
