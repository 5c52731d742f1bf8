# Packages and modules from sys.path: absolute and relative imports, from-
# imports of submodules, import *, __all__, __import__, the errors CPython
# gives for missing modules and names, and a circular import that works.
import sys
import imppkg
from imppkg import helper
from imppkg.sub import leaf
from imppkg.sub.leaf import VALUE as V
import imppkg.sub.leaf as L
print(imppkg.NAME, helper.double(21), leaf.VALUE, V, L is leaf)
print(imppkg.sub.leaf.VALUE, sorted(k for k in vars(imppkg) if not k.startswith('__')))
from imppkg.star import *
print(public, "hidden" in dir())
print(imppkg.__package__, helper.__package__, leaf.__name__, leaf.__package__)
try:
    import nonexistent_mod
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import imppkg.helper.nope
except ModuleNotFoundError as e:
    print(e)
try:
    from imppkg import missing_name
except ImportError as e:
    print(e.args[0].split(" (")[0], e.name, e.name_from)
try:
    from . import x
except ImportError as e:
    print(e)
print(__import__("imppkg.sub", fromlist=["leaf"]).leaf.VALUE)
print("imppkg.helper" in sys.modules, type(sys.modules["imppkg"]).__name__)
import imppkg.circ_a
print(imppkg.circ_a.A, imppkg.circ_b.B)
import imppkg.circ_a as ca
print(ca.A2, imppkg.sub.__doc__)
print(__name__, imppkg.__name__)
