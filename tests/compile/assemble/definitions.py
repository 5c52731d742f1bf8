import os
import os.path as osp
from collections import OrderedDict, defaultdict
from sys import *
def f(a, b=1, *args, c, d=2, **kw):
    return a
async def g():
    await h()
def deco(fn):
    return fn
@deco
@deco
def decorated():
    pass
class C:
    x = 1
    def method(self):
        return self.x
class D(C, metaclass=type):
    pass
lam = lambda y, z=3: y + z
def outer():
    v = 1
    def inner():
        return v
    return inner
global gg
gg = 1
del gg
c = C()
c.attr = 1
del c.attr
c.method()
print(f(1, 2, 3, c=4, e=5))
print(*[1, 2], **{"sep": ","})
os.path.join("a", "b")
