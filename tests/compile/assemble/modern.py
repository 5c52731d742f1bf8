name = "world"
t1 = t"hello {name}"
t2 = t"{name!r:>10} and {1 + 2}"
type Alias = list[int]
type Pair[T] = tuple[T, T]
def generic[T: int, *Ts, **P](x: T) -> T:
    return x
class Box[T]:
    def get(self) -> T:
        return self.value
f = f"{name=}"
g = f"{name!s:{10}}"
lam = lambda *a, k=1, **kw: (a, k, kw)
with (open(__file__) as fh):
    pass
match (1, 2):
    case (1, *rest) if rest:
        pass
