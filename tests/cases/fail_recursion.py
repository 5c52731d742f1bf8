# Unbounded recursion: RecursionError, with "[Previous line repeated N more
# times]" collapsing the identical frames.

def countdown(n):
    return countdown(n - 1) + 1


print("recursing")
countdown(10)
