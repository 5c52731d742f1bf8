from .. import helper as h
VALUE = h.double(5)
