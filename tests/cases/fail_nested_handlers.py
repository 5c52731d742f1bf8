# Three exceptions chained: a cause inside a context. Both separator texts
# appear, oldest exception first.

def step3():
    raise KeyError("step3")


def step2():
    try:
        step3()
    except KeyError as e:
        raise ValueError("step2") from e


def step1():
    try:
        step2()
    except ValueError:
        raise TypeError("step1")


step1()
