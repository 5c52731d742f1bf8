# Every import form.
import a
import a.b.c
import a.b as c
import a, b
from a import b
from a import b as c, d
from . import x
from .. import y
from .m import z
from a import *
def f():
    import os
    from os import path
    return os, path
