"""Generators, generator expressions, yield from, async functions, await,
async for, async with, async comprehensions."""


def gen(n):
    for i in range(n):
        received = yield i
        if received:
            yield from received
    return n


def gen_in_try():
    try:
        yield 1
    finally:
        yield 2


squares = (x * x for x in range(10) if x % 2)
pairs = list((a, b) for a in range(3) for b in range(a))


async def coro(x):
    return await x


async def async_iteration(aiter_obj, cm):
    async for item in aiter_obj:
        print(item)
    else:
        print("empty")
    async with cm as value, cm:
        await value
    results = [y async for y in aiter_obj if y]
    waits = [await z for z in range(3)]
    agen = (w async for w in aiter_obj)
    return results, waits, agen


async def async_gen():
    yield 1
    await coro(None)


def lambda_gen():
    return lambda: (yield)
