class Future:
    def __init__(self, name):
        self.name = name
    def __await__(self):
        got = yield self.name
        return got * 2

async def leaf(n):
    a = await Future("f%d" % n)
    return a + 1

async def main():
    total = 0
    for i in range(3):
        total += await leaf(i)
    return total

c = main()
print(type(c).__name__, c.__name__, c.__qualname__)
v = c.send(None)
step = 1
while True:
    print("yielded", v)
    try:
        v = c.send(step * 10)
    except StopIteration as e:
        print("result", e.value)
        break
    step += 1

async def agen(n):
    for i in range(n):
        yield await Future("in%d" % i) if False else i
    
async def consume():
    out = []
    async for x in agen(4):
        out.append(x)
    return out

c = consume()
try:
    c.send(None)
except StopIteration as e:
    print("consumed", e.value)

async def agen2():
    try:
        yield 1
        yield 2
    finally:
        print("agen2 cleanup")

async def partial():
    g = agen2()
    print(await g.__anext__())
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")
try:
    partial().send(None)
except StopIteration:
    print("done")

async def bad():
    await 3
try:
    bad().send(None)
except TypeError as e:
    print(e)
def gen_in_coro():
    yield 1
async def coro_yf():
    pass
cy = coro_yf()
def g2():
    yield from cy
try:
    list(g2())
except TypeError as e:
    print(e)
cy.close()
