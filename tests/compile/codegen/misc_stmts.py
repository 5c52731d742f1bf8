# Expression statements, pass, del, global at module level, docstring.
"""Module docstring."""
import sys
1
'str'
...
x
x.y
f()
pass
global g
g = 1
a = b'\x00\xff'
print(__debug__)
if __debug__:
    print('debug')
fmt = '%s and %r and %a and %5s and %-3d %%' % (x, y, z, w, v)
fmt2 = '%s' % (x,)
fmt3 = '%d %s' % (1, 'a')
