# TypeError from an unexpected keyword argument; 3.14 suggests the closest
# parameter name.

def resize(width, height, *, keep_ratio=True):
    return (width, height, keep_ratio)


print(resize(10, 20))
print(resize(10, 20, keep_ration=False))
