async def f(aiter_obj):
    agen = (w async for w in aiter_obj)
    other = (await v for v in aiter_obj)
    return agen, other
