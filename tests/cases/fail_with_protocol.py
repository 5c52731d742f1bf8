class Resource:
    def __enter__(self):
        return self


def use():
    with Resource() as r:
        print("never", r)


print("start")
use()
