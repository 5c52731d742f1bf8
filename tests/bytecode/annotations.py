"""Deferred annotations (PEP 649/749): module, class and function
annotations, with conditional and nested definitions."""

x: int = 1
y: "forward"
if x:
    z: list[int] = []


def f(a: int, /, b: str = "", *args: tuple, c: float, **kw: dict) -> None:
    local: int = 3
    return local


class C:
    attr: int
    other: dict[str, C] = {}

    def method(self) -> C:
        return self


class Generic[T]:
    item: T


def uses_closure():
    Local = int

    def inner(v: Local) -> Local:
        return v

    return inner
