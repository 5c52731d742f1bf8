# A bare `raise` in a handler re-raises with the original traceback: the
# handler's frame shows the line of the original call, not the raise line.

def risky():
    return {}["key"]


def wrapper():
    try:
        risky()
    except KeyError:
        print("logging the error and re-raising")
        raise


wrapper()
