def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

print(list(count(5)))
for x in count(3):
    print("x", x)
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

def echo():
    got = None
    while True:
        got = yield got
        if got == "quit":
            return "bye"

e = echo()
print(e.send(None), e.send(1), e.send(2))
try:
    e.send("quit")
except StopIteration as s:
    print("ret", s.value)

def outer():
    r = yield from count(3)
    print("inner returned", r)
    yield from [10, 20]
    return 99

print(list(outer()))

def thrower():
    try:
        yield 1
        yield 2
    except ValueError as v:
        print("caught", v)
        yield 3
    finally:
        print("finally")

t = thrower()
print(next(t))
print(t.throw(ValueError("boom")))
t.close()
print(sum(x * x for x in range(10)))
print([y for y in (x + 1 for x in range(3))])

def bad():
    yield 1
    raise StopIteration(5)
try:
    list(bad())
except RuntimeError as r:
    print(type(r).__name__, r, type(r.__cause__).__name__)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
print(g.gi_running, g.gi_suspended, g.__name__, g.__qualname__)
def gclose():
    try:
        yield 1
    except GeneratorExit:
        print("exit seen")
        raise
c = gclose(); next(c); c.close(); c.close()
print(c.gi_frame)
