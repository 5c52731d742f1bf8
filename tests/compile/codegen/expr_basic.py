# Arithmetic, comparisons, boolean operators, conditional expressions.
a = 1 + 2 * 3 - 4 / 5 // 6 % 7 ** 8
b = a << 1 | a >> 2 & 3 ^ ~a
c = -a, +a, not a
d = a @ b
e = a < b <= c == d != e > f >= g
f = a is b, a is not b, a in b, a not in b
g = a and b or c and not d
h = a if b else c if d else e
i = (a := 10) + a
j = x[1], x[1:2], x[::2], x[a:b:c], x[:], x[1:], x[:2]
k = x.y.z
l = x[1, 2], x[1:2, ::3], x[*a]
m = 1.5, 2j, 1e10, 0x1f, 0o17, 0b101, 1_000_000, 10**100
n = 123456789012345678901234567890
o = None, True, False, ...
p = 'str', b'bytes', 'con' 'cat', b'a' b'b'
q = (a
     + b
     * c)
r = a.b(c).d[e].f
