# assert (passing and failing, with and without message) and del of every
# kind of target.

assert True
assert 1 + 1 == 2, "math works"
x = [1, 2, 3]
assert x, "non-empty"
assert len(x) == 3
for value, msg in ((0, "zero is falsy"), ([], None), ("", ["msg", "in", "a", "list"]), (None, 42)):
    try:
        if msg is None:
            assert value
        else:
            assert value, msg
    except AssertionError as e:
        print("AssertionError:", repr(e), e.args, str(e))

def check(n):
    assert n > 0, f"n must be positive, got {n}"
    return n * 2

print(check(2))
try:
    check(-3)
except AssertionError as e:
    print("AssertionError:", e)

print("-- del")
a = 1
b = 2
c = 3
del a
del b, c
for name_test in ("a", "b", "c"):
    pass
try:
    print(a)
except NameError as e:
    print("NameError:", e)

lst = list(range(10))
del lst[0]
del lst[-1], lst[0]
del lst[1:3]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["a"]
del d["b"], d["c"]
print(d)
try:
    del d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    del lst[100]
except IndexError as e:
    print("IndexError:", e)

def fn():
    pass

fn.attr = 5
fn.other = 6
del fn.attr
print(hasattr(fn, "attr"), fn.other)
try:
    del fn.attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    del (1, 2)[0]
except TypeError as e:
    print("TypeError:", e)
try:
    del "abc"[0]
except TypeError as e:
    print("TypeError:", e)

nest = [[1, 2], [3, 4]]
del nest[0][1], nest[1][:]
print(nest)
[p, q] = 1, 2
del [p, q]
try:
    print(p)
except NameError as e:
    print("NameError:", e)

def del_in_function(items):
    first = items[0]
    del items[0]
    del first
    try:
        first
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    return items

print(del_in_function([9, 8, 7]))

def del_param(a, b):
    del a
    return b

print(del_param(1, 2))
sl = list(range(10))
step = 3
del sl[::step]
print(sl)
