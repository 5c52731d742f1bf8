# Chained exceptions: causes and contexts, exceptions without a traceback,
# __suppress_context__ set by hand, a cause hiding a context, and a cycle.


def fail(exc):
    raise exc


a = ValueError("a: hidden, b has a cause")
b = TypeError("b: its cause is c")
c = KeyError("c: raised once")
try:
    fail(c)
except KeyError:
    pass
j = RuntimeError("j: its context is suppressed by hand")
j.__context__ = ZeroDivisionError("hidden")
j.__suppress_context__ = True
c.__context__ = j
b.__context__ = a
b.__cause__ = c
b.__suppress_context__ = False
d = RuntimeError("d: context is b")
d.__context__ = b
e = LookupError("e: context is d, cause None")
e.__cause__ = None
e.__suppress_context__ = False
e.__context__ = d
f = OSError("f: in a cycle with g")
g = ArithmeticError("g: in a cycle with f")
f.__context__ = g
g.__context__ = f
g.__cause__ = e
try:
    fail(f)
except OSError as x:
    x.__context__ = g
    h = AssertionError("h")
    h.__context__ = x
    try:
        raise h
    except AssertionError:
        raise
