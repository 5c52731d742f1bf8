# async def, await, async for, async with, async comprehensions, async generators.
async def f():
    await g()
    async for x in y:
        pass
    else:
        pass
    async with a as b:
        pass
    async with a, c:
        pass
    r = [x async for x in y]
    s = [await x for x in y]
    return r

async def agen():
    yield 1
    async for x in y:
        yield x

async def ret():
    async with a:
        return 1

async def genexp():
    return (x async for x in y)
