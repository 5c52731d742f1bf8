# PEP 695 type parameters: TypeVar, ParamSpec, TypeVarTuple, lazy bounds,
# constraints and defaults, generic functions and classes, type aliases,
# and the generic aliases they produce.

calls = []


def note(v):
    calls.append(v)
    return v


def first[T](xs: list[T]) -> T:
    return xs[0]


print(first([3, 4]), first.__type_params__, first.__annotations__)
(T,) = first.__type_params__
print(repr(T), T.__name__, T.__bound__, T.__constraints__, T.__default__)
print(T.__covariant__, T.__contravariant__, T.__infer_variance__, T.has_default())
print(type(T).__name__, type(T).__module__)


def lazy[B: note(int), C: (note(str), note(bytes)), D = note(float)]():
    pass


print("before:", calls)
B, C, D = lazy.__type_params__
print(B.__bound__, C.__constraints__, D.__default__, "after:", calls)
print(B.__bound__ is B.__bound__, calls)
print(B.has_default(), D.has_default(), C.__bound__, B.__constraints__)
print(B.evaluate_bound(1), D.evaluate_default(1))


def variadic[*Ts, **P](*args: *Ts, **kw: P.kwargs):
    pass


Ts, P = variadic.__type_params__
print(repr(Ts), repr(P), type(Ts).__name__, type(P).__name__, Ts.__name__, P.__name__)
print(Ts.__default__, P.__default__, P.__bound__, Ts.has_default())


def with_default[*Us = note(tuple), **Q = note(list)]():
    pass


Us, Q = with_default.__type_params__
print(Us.__default__, Q.__default__, Us.has_default(), Q.has_default())


def plain():
    pass


print(plain.__type_params__)


class Box[T]:
    def __init__(self, item: T):
        self.item = item

    def get(self) -> T:
        return self.item

    def kind(self):
        return T


print(Box.__type_params__, Box.__parameters__, Box.__bases__, Box.__orig_bases__)
print(Box.__mro__)
b = Box(5)
print(b.get(), b.kind() is Box.__type_params__[0])
print(Box[int], Box[int].__origin__, Box[int].__args__, Box[int].__parameters__)
bi = Box[int]("x")
print(bi.item, bi.__orig_class__)
print(Box[int] == Box[int], Box[int] == Box[str], hash(Box[int]) == hash(Box[int]))


class Pair[K, V = str](Box[K]):
    pass


print(Pair.__parameters__, Pair.__orig_bases__, Pair.__bases__)
print(Pair[int], Pair[int, bytes])


class Derived(Box[int]):
    pass


print(Derived.__parameters__, Derived.__orig_bases__, Derived(1).get())


class NotGeneric:
    pass


print(NotGeneric.__type_params__, int.__type_params__)

for bad in (lambda: Box[int, str], lambda: Derived[int]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

# type aliases
type Number = int | float
type ListOf[T] = list[T]
type Lazy = note("alias value")
print(Number, Number.__name__, Number.__module__, Number.__type_params__, Number.__parameters__)
print(ListOf.__value__, ListOf.__type_params__, ListOf[int], ListOf[int].__args__)
print("before lazy:", calls[-1])
print(Lazy.__value__, calls[-1])
print(type(Number).__name__, type(Number).__module__)
try:
    Number[int]
except TypeError as e:
    print("TypeError:", e)

# generic aliases of builtin containers
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], set[bytes], frozenset[T])
print(list[int].__origin__, dict[str, int].__args__, list[T].__parameters__)
print(list[int]("ab"), dict[str, int](a=1))
print(list[int] == list[int], list[int] == list[str], list[int] == list)
print(dict[T, list[T]][str])
try:
    list[int][str]
except TypeError as e:
    print("TypeError:", e)
try:
    dict[T, int][str, bytes]
except TypeError as e:
    print("TypeError:", e)


class MyList(list[int]):
    pass


print(MyList.__bases__, MyList.__orig_bases__, MyList([1]))


class Methods:
    def m[T](self, x: T) -> T:
        return x


print(Methods().m(7), Methods.m.__type_params__)
