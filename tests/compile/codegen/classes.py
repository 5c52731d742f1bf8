# Classes: bases, keywords, methods, super(), __class__, decorators.
class A:
    pass

class B(A, metaclass=M):
    """Doc."""
    x = 1
    def m(self):
        return super().m()
    def n(self, a):
        return super().n(a)
    def o(self):
        return __class__
    @staticmethod
    def s():
        return 1
    @property
    def p(self):
        self.y = 1
        self.z.w = 2
        return self.y

@dec
class C(*bases, **kw):
    def __private(self):
        return self.__x
    def use(self):
        return self.__private()

class D(A):
    def f(self):
        return super(D, self).f()
    def g(self):
        return super().attr
    def h(self):
        def inner():
            return __class__
        return inner
