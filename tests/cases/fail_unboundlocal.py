# UnboundLocalError: the local is assigned later in the function.

total = 0


def add_to_total(n):
    total += n
    return total


add_to_total(5)
