# PEP 695 generics and type aliases.
type Alias = int
type Generic[T] = list[T]
type Bounded[T: int] = T
type Constrained[T: (int, str)] = T
def func[T](x: T) -> T:
    return x
def func2[T, *Ts, **P](a=1, *, b=2):
    pass
class Cls[T]:
    def m(self) -> T:
        pass
class Cls2[T: int = int](Base, metaclass=M):
    x: T
def withdef[T = int](): pass
class Outer:
    type Inner[U] = dict[U, int]
    def method[V](self, v: V): pass
