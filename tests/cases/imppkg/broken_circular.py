from .broken_other import OTHER
MINE = 1
