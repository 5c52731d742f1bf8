A = 1
from . import circ_b
A2 = circ_b.B
