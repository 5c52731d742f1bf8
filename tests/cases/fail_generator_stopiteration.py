# PEP 479: StopIteration escaping a generator becomes RuntimeError, with the
# original as its cause, and the traceback runs through the generator frames.
def items():
    yield 1
    raise StopIteration("early")


def wrap():
    yield from items()


for x in wrap():
    print(x)
