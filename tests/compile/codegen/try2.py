# Nested and combined try forms, raise variants, return/break/continue
# through handlers and finally blocks.
def f1():
    try:
        try:
            a()
        except E as e:
            raise F from e
    except F:
        return 1
    else:
        return 2
    finally:
        cleanup()
def f2():
    for x in y:
        try:
            a()
        except E:
            continue
        except F as e:
            break
        finally:
            print(x)
def f3():
    try:
        return g()
    except E as e:
        return e
    finally:
        pass
def f4():
    try:
        pass
    except* E:
        pass
    else:
        ok()
    finally:
        done()
def f5():
    while True:
        try:
            break
        finally:
            continue_ = 1
def f6():
    try:
        a()
    except (E, F) as e:
        del e
