# Generator protocol details: state attributes, nested delegation with
# throw/close, exception state saved across yields, generator expressions
# with closures, and errors raised through several generator frames.
import sys


def inner():
    try:
        x = yield "inner-1"
        print("inner got", x)
        yield "inner-2"
    except KeyError as e:
        print("inner caught", repr(e))
        yield "inner-recovered"
    finally:
        print("inner finally")
    return "inner-result"


def middle():
    r = yield from inner()
    print("middle got", r)
    yield "middle-after"


g = middle()
print(next(g))
print(g.send("hello"))
print(g.throw(KeyError("k")))
print(next(g))
print(next(g, "exhausted"))
print(g.gi_frame, g.gi_running, g.gi_suspended)

g = middle()
next(g)
g.close()
print("closed", g.gi_suspended)


def keeps_exception():
    try:
        raise ValueError("inside")
    except ValueError:
        yield sys.exception()
        yield sys.exception()
    yield sys.exception()


k = keeps_exception()
print(repr(next(k)))
print(repr(sys.exception()))
print(repr(next(k)))
print(repr(next(k)))


def make_adders(n):
    return [(lambda x, i=i: x + i) for i in range(n)]


print([f(10) for f in make_adders(4)])
scale = 3
print(list(x * scale for x in range(5) if x % 2 == 0))
print(dict((k, v) for k, v in zip("abc", range(3))))
print(sorted((y for y in {3, 1, 2}), reverse=True))
print(max(len(w) for w in "the quick brown fox".split()))
print(any(x > 3 for x in range(5)), all(x > 3 for x in range(5)))


def deep(n):
    if n == 0:
        raise LookupError("bottom")
    yield from deep(n - 1)


try:
    list(deep(3))
except LookupError as e:
    print("deep", e)


def running():
    yield g2.gi_running


g2 = running()
print(next(g2))


def reentrant():
    yield next(g3)


g3 = reentrant()
try:
    next(g3)
except ValueError as e:
    print(e)

gen = (i for i in range(3))
print(type(gen).__name__, gen.__name__, gen.__qualname__)
print(list(gen), list(gen))


def send_first():
    yield 1


s = send_first()
try:
    s.send(5)
except TypeError as e:
    print(e)


def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        pass
    yield 2


i = ignores_exit()
next(i)
try:
    i.close()
except RuntimeError as e:
    print(e)


def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "closing value"


r = returns_on_close()
next(r)
print(r.close())


def counter():
    n = 0
    while True:
        n += 1
        yield n


total = 0
for v in counter():
    total += v
    if v == 1000:
        break
print(total)


def finisher():
    try:
        yield 1
    except KeyError:
        return "finished by throw"


def delegating():
    r = yield from finisher()
    yield r


d = delegating()
next(d)
print(d.throw(KeyError))


def fails_on_throw():
    yield 1


def delegating2():
    try:
        yield from fails_on_throw()
    except IndexError as e:
        yield "outer caught " + str(e)


d2 = delegating2()
next(d2)
print(d2.throw(IndexError("from throw")))
