# TypeError from too many positional arguments, called through a lambda.

def pair(a, b):
    return (a, b)


apply = lambda f, *args: f(*args)
print(apply(pair, 1, 2))
print(apply(pair, 1, 2, 3))
