# "[Previous line repeated N more times]" for short runs: exactly the cutoff,
# one more than it (singular "time"), and two alternating runs.

errors = []


def down(n):
    if n == 0:
        raise ValueError("bottom")
    down(n - 1)


def twice(n):
    if n == 0:
        raise KeyError(n)
    if n % 2:
        twice(n - 1)
    else:
        twice(n - 1)


def run(f, n):
    try:
        f(n)
    except Exception as e:
        errors.append(e)


run(down, 3)
run(down, 4)
run(down, 5)
run(twice, 9)
for i in range(1, len(errors)):
    errors[i].__context__ = errors[i - 1]
raise errors[-1]
