# bytearray's in-place operators: += and *= mutate the object itself.


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


print("in-place")
x = bytearray(b"ab")
y = x
x += b"cd"
print(x, y, x is y)
x += bytearray(b"ef")
x += bytes(x)
print(x, x is y)
x *= 2
print(x, x is y)
x *= 0
print(x, x is y)
z = bytearray(b"xy")
z *= -1
print(z)
z = bytearray(b"xy")
w = z * 2
print(w, z, w is z, 2 * z)

x = bytearray(b"abc")
y = x
x *= 1
print(x, x is y, x.__alloc__())
x *= 3
print(x, x is y, x.__alloc__())
x *= 0
print(x, x is y, x.__alloc__())
t("imul str", lambda: y.__imul__("x"))
t("imul float", lambda: y.__imul__(1.5))
t("imul big", lambda: y.__imul__(2**70))
t("imul result", lambda: bytearray(b"ab").__imul__(2))
t("iadd result", lambda: bytearray(b"ab").__iadd__(b"c"))
