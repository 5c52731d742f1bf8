import contextlib
with open(__file__) as f:
    data = f.read()
with contextlib.suppress(Exception), open(__file__) as g:
    pass
with contextlib.nullcontext():
    with contextlib.nullcontext() as n:
        print(n)
for i in range(2):
    with contextlib.nullcontext():
        if i:
            break
        continue
with (contextlib.nullcontext() as a,
      contextlib.nullcontext() as b):
    pass
try:
    with contextlib.nullcontext():
        raise ValueError
except ValueError:
    pass
