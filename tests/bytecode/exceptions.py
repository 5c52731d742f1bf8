"""Exceptions: try/except/else/finally, named handlers, bare except,
raise from, re-raise, except*, return and break through finally, with."""


def basic():
    try:
        x = 1 / 0
    except ZeroDivisionError as e:
        x = e
    except (TypeError, ValueError):
        x = 2
    except Exception:
        raise
    except:
        x = 3
    else:
        x = 4
    finally:
        print("done")
    return x


def chained():
    try:
        raise ValueError("a")
    except ValueError as exc:
        raise RuntimeError("b") from exc


def finally_return():
    try:
        return 1
    finally:
        print("cleanup")


def loop_finally(items):
    for i in items:
        try:
            if i:
                break
            continue
        finally:
            print(i)


def groups():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as eg:
        print(eg)
    except* TypeError:
        pass


def nested():
    try:
        try:
            pass
        finally:
            raise KeyError
    except KeyError:
        return "ok"


class Manager:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


def with_statements(path):
    with Manager() as m, Manager():
        print(m)
    with Manager():
        with (Manager() as a, Manager() as b):
            return a, b


try:
    basic()
except BaseException as e:
    raise
finally:
    pass
