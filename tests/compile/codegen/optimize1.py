# optimize: 1
"""Docstring kept at -O."""
assert x, 'gone'
if __debug__:
    print('gone too')
print(__debug__)
def f():
    """Kept."""
    assert f
