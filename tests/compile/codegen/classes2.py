# Class scopes: comprehensions over class variables, nested classes,
# __class__ in nested functions, private names, super() variants.
class A:
    x = 1
    ys = [x for _ in range(3)]
    zs = [y * 2 for y in range(3)]
    gen = (y for y in range(x))
    class Inner:
        def m(self):
            return __class__
    def meth(self):
        def helper():
            return super().meth
        return helper
    @classmethod
    def cm(cls, a):
        return super().cm(a)
    def __priv(self, __arg):
        __local = __arg
        self.__attr = __local
        import __mod
        return self.__attr, __mod
    def uses(self):
        return self.__priv(1), A.__priv, __name__
    def star(self, *args):
        return super().star(*args)
    def kw(self, **kw):
        return super().kw(**kw)
def outer():
    v = 1
    class K:
        w = v
        def f(self):
            return v
        v = 2
    return K
class G:
    global gx
    gx = 1
    del gx
class __Dunder:
    __x = 1
