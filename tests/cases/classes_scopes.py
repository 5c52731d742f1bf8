# Name resolution in class bodies: free variables of the enclosing function
# (LOAD_FROM_DICT_OR_DEREF), the class namespace shadowing them, __class__,
# and closures created inside methods.
def make(label):
    counter = 0
    class Widget:
        name = label
        tag = label.upper()
        def bump(self):
            nonlocal counter
            counter += 1
            return counter
        def cls(self):
            return __class__
    return Widget


W = make("knob")
w = W()
print(W.name, W.tag, w.bump(), w.bump(), w.cls() is W)


def shadow():
    value = "outer"
    class C:
        value = "class"
        seen = value
        def get(self):
            return value
    class D:
        seen = value
    return C.seen, C().get(), D.seen


print(shadow())


def late():
    items = []
    class Collector:
        def add(self, x):
            items.append(x)
            return len(items)
        snapshot = items
    c = Collector()
    c.add(1)
    c.add(2)
    return items, Collector.snapshot is items


print(late())


class Outer:
    base = 10
    def method(self, n):
        def inner(k):
            return self.base + n + k
        return [inner(k) for k in range(3)]
    comp = [base * i for i in range(3)] if False else None


print(Outer().method(1), Outer.comp)
