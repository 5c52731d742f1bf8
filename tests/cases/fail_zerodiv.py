# Uncaught ZeroDivisionError raised two calls deep: the traceback has three
# frames, and carets under the failing binary operation.

def ratio(total, count):
    scaled = total * 100
    return scaled / count


def average(values):
    return ratio(sum(values), len(values))


print("averages:", average([1, 2, 3]))
print("about to divide by zero")
print(average([]))
print("not reached")
