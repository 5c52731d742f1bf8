# optimize: 2
"""Docstring removed at -OO."""
def f():
    """Removed."""
    return 1
def g():
    """Only a docstring."""
class C:
    """Class doc removed."""
    x = 1
