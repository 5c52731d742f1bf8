# An exception whose str() is empty: the last line is just the type name.

def check(flag):
    if not flag:
        raise RuntimeError()
    return "ok"


print(check(True))
check(False)
