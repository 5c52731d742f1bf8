class Closing:
    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        raise RuntimeError("cleanup failed")


with Closing():
    raise KeyError("original")
