# async with: __aenter__/__aexit__ awaited, an exception suppressed by
# __aexit__, and the error for an __aenter__ result that is not awaitable.
class CM:
    async def __aenter__(self):
        print("enter")
        return self
    async def __aexit__(self, *a):
        print("exit", a[0])
        return True

async def withit():
    async with CM() as m:
        print("inside", type(m).__name__)
        raise ValueError("swallowed")
    return 1
try:
    withit().send(None)
except StopIteration as e:
    print("with result", e.value)
class Bad:
    def __aenter__(self): return 1
    def __aexit__(self, *a): return 1
async def bad():
    async with Bad():
        pass
try:
    bad().send(None)
except TypeError as e:
    print(e)
