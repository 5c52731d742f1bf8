# try/except/else/finally, raise, except*.
try:
    a()
except ValueError:
    b()
except (TypeError, KeyError) as e:
    c(e)
except:
    d()
else:
    e()
finally:
    f()
try:
    a()
finally:
    b()
try:
    pass
except E as e:
    pass
raise
raise E
raise E('x') from None
try:
    a()
except* ValueError as eg:
    b(eg)
except* TypeError:
    c()
def f():
    try:
        return 1
    finally:
        print('x')
def g():
    for i in x:
        try:
            continue
        finally:
            pass
def h():
    try:
        pass
    except Exception as e:
        return e
def w():
    while x:
        try:
            break
        except E:
            pass
