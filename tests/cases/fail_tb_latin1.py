# -*- coding: latin-1 -*-
# A source file in Latin-1 (PEP 263 cookie): the traceback decodes it.

def f(d):
    return d["café"] + d["à la"]


f({"café": "crème", "à la": 1})
