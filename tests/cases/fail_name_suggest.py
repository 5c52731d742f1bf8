# NameError with a "Did you mean" suggestion (a close global name), raised
# inside a function.

counter_total = 10


def report(prefix):
    return prefix + str(counter_totl)


print("start")
print(report("total: "))
