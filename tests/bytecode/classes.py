"""Classes: bases, keywords, decorators, super(), __class__ cells,
properties, class-level comprehensions and annotations, nested classes."""


class Empty:
    pass


class Base:
    "Base docstring."

    attr = 1
    other: int = 2
    unset: str

    def __init__(self, x):
        self.x = x

    @property
    def value(self):
        return self.x

    @value.setter
    def value(self, v):
        self.x = v

    @staticmethod
    def static(a):
        return a

    @classmethod
    def create(cls):
        return cls(0)


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns)


class Derived(Base, metaclass=Meta, flag=True):
    squares = [i * i for i in range(3)]

    def __init__(self, x, y):
        super().__init__(x)
        self.y = y

    def uses_class(self):
        return __class__

    class Inner:
        def method(self):
            return Derived

    def __private(self):
        return self.__secret


def deco(cls):
    return cls


@deco
class Decorated(*[Base], **{}):
    def method(self, arg):
        return super().static(arg)


def factory(n):
    class Local:
        size = n

        def get(self):
            return n

    return Local
