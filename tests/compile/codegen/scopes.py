# global/nonlocal, cells, free variables, class scopes.
x = 1
def a():
    global x
    x = 2
    del x
def b():
    y = 1
    def c():
        nonlocal y
        y = 2
        def d():
            return y
        return d
    return c
def e(p):
    def f():
        return p
    return f
class K:
    v = 1
    def m(self):
        return v
    w = [v for _ in range(3)]
def g():
    z = 1
    class L:
        z = 2
        def n(self):
            return z
    return L
def h():
    del q
    q = 1
def i(a):
    del a
