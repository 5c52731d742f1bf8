# __del__ runs when the last reference goes (once, even when the object is
# resurrected), and a suspended generator that is dropped is closed, so its
# finally blocks run. At exit, __main__'s globals are cleared in order.
class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a = Tracked("a")
a = None
print("after a")
b = Tracked("b")
del b
print("after b")


def make_and_drop():
    t = Tracked("local")
    print("in function")


make_and_drop()
print("after function")

items = [Tracked("x"), Tracked("y")]
items.clear()
print("after clear")

saved = []


class Phoenix:
    def __del__(self):
        print("phoenix del")
        saved.append(self)


p = Phoenix()
del p
print("saved", len(saved))
saved.clear()
print("cleared again")


def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")


for v in gen():
    print("got", v)
    break
print("after loop")

g = gen()
next(g)
g = None
print("after drop")


keep = Tracked("global one")
pending = gen()
next(pending)
last = Tracked("global two")
print("end of program")
