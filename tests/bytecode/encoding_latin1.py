# -*- coding: latin-1 -*-
"""A PEP 263 coding line: the source is Latin-1."""
s = "café"
print(s, len(s))
