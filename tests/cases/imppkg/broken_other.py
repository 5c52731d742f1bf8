from .broken_circular import MINE
OTHER = 2
