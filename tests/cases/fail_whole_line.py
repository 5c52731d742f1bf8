# When the failing range is the whole line and has no anchor (not a binary
# operation, subscript or call), no carets are printed: here a bare name
# inside a function, reached through an assignment from a plain call (which
# also gets no carets).

def lookup():
    undefined_setting
    return 1


value = lookup()
