# A call whose arguments span several lines fails inside the callee and in
# the argument list.

def combine(a, b, c):
    return a + b + c


result = combine(
    1,
    2,
    3,
)
print(result)
result = combine(
    "x",
    "y",
    3,
)
