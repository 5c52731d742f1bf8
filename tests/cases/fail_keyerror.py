# Uncaught KeyError on a dict lookup inside a function called from a loop.

prices = {"apple": 3, "pear": 4}


def total(order):
    result = 0
    for item, qty in order.items():
        result += prices[item] * qty
    return result


print(total({"apple": 2}))
print(total({"pear": 1, "plum": 3}))
