# Nested loops with try/finally and with, break/continue unwinding.
def f():
    for a in x:
        try:
            for b in y:
                with c:
                    if b:
                        break
                    continue
        finally:
            cleanup()
        while a:
            try:
                return a
            except E as e:
                continue
def g():
    try:
        pass
    finally:
        for i in x:
            break
def h():
    try:
        return f()
    finally:
        return 2
