# An exception thrown into a suspended generator that does not catch it
# propagates to the caller of throw(), with the generator's frame in the
# traceback.
def worker():
    total = 0
    while True:
        total += yield total


w = worker()
next(w)
w.send(5)
w.throw(ZeroDivisionError("thrown in"))
