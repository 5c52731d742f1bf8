"""PEP 695 type parameters: generic functions and classes, bounds,
constraints, defaults, variadics, ParamSpec, type aliases."""

type Alias = list[int]
type Generic2[T] = dict[str, T]
type Recursive[T: (int, str)] = T | list[Recursive[T]]


def first[T](items: list[T]) -> T:
    return items[0]


def bounded[T: int, *Ts, **P](x: T, *args: *Ts) -> T:
    return x


def defaulted[T = int, U: str = "x"](a: T, b: U) -> tuple[T, U]:
    return a, b


class Box[T]:
    def __init__(self, item: T):
        self.item = item

    def get(self) -> T:
        return self.item

    def map[U](self, f) -> "Box[U]":
        return Box(f(self.item))


class Pair[K, V](dict[K, V]):
    pass


class Sub[T](Box[T], metaclass=type):
    def get(self):
        return super().get()
