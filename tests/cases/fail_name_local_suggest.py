# NameError where the suggestion is a local variable of the failing frame,
# and a misspelled builtin on the module level is not reached.

def compute():
    number_of_items = 5
    return numbr_of_items * 2


print(compute())
