# Generic classes with bases and keywords, defaults, class-scope aliases.
class Base[T, *Ts, **P](Generic, metaclass=Meta, flag=True):
    attr: T
    def m[U: (int, str) = int](self, u: U) -> T:
        return u
class C:
    x = int
    type A[T: x] = list[T]
    def f[S](self) -> x: pass
type Rec = list[Rec]
def fn[**P = [int, str], *Ts = *tuple[int]]():
    pass
