# Generators: yield in try/finally and with, yield from, return values,
# generator lambdas and expressions, async generators.
def g1():
    try:
        yield 1
    finally:
        print('done')
def g2():
    with open('f') as f:
        yield f
def g3():
    x = yield
    y = yield x
    return y
def g4():
    r = yield from g1()
    yield from (i for i in range(3))
    return r
def g5(n):
    for i in range(n):
        if i % 2:
            yield i
        else:
            continue
async def ag():
    try:
        yield 1
    finally:
        await cleanup()
async def ag2():
    async with ctx() as c:
        yield c
    async for x in aiter():
        yield x
def g6():
    yield (yield 1)
