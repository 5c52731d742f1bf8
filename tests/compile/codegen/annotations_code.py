# Annotations: function, module, class, conditional (PEP 649/749).
def f(a: int, b: str = 'x', *args: float, c: bool = False, **kw: bytes) -> list:
    x: int = 1
    return a

def g(a, b):
    pass

v: int = 1
w: str
if cond:
    cv: int = 2

class C:
    a: int
    b: str = 'x'
    if cond:
        c: float
    def m(self) -> None:
        self.x: int = 1

def h(*args: *Ts): pass
