from . import circ_a
B = circ_a.A + 1
