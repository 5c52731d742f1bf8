# Many calls from Rust into Python functions (sort keys, __eq__, __hash__,
# __del__ run from native code) each push a frame below a shim frame; the
# frame arena must give that space back every time.
class Key:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __hash__(self):
        return hash(self.v)


print(sorted(range(60000), key=lambda x: -x)[:3])
d = {Key(i): i for i in range(30000)}
print(sum(d[Key(i)] for i in range(0, 30000, 7)))
print(max(range(50000), key=lambda x: x % 977))
