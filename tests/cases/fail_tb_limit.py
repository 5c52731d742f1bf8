# sys.tracebacklimit keeps the innermost frames of every traceback printed
# (and a limit above the number of frames slices from a negative index, as
# traceback.py does).
import sys


def a(n):
    b(n)


def b(n):
    c(n)


def c(n):
    raise ValueError(n)


errors = []
for n in range(5):
    try:
        a(n)
    except ValueError as e:
        errors.append(e)
for i in range(1, len(errors)):
    errors[i].__context__ = errors[i - 1]
sys.tracebacklimit = 2
try:
    raise errors[-1]
finally:
    sys.tracebacklimit = -1
