# with statements.
with a:
    pass
with a as b:
    pass
with a as b, c as d:
    pass
with (a as b, c):
    pass
with a as (b, c):
    pass
def f():
    with a:
        return 1
def g():
    for x in y:
        with a:
            break
