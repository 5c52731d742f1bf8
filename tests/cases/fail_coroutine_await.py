# Awaiting something that is not awaitable fails inside the coroutine.
async def compute():
    return await 42


coro = compute()
coro.send(None)
