# An exception raised while handling another: "During handling of the above
# exception, another exception occurred:".

def cleanup(resource):
    return resource["handle"]


def run():
    resource = {}
    try:
        return 1 / len(resource)
    except ZeroDivisionError:
        print("handling ZeroDivisionError")
        cleanup(resource)


run()
