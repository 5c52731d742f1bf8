# A failing method call on a builtin object, reached through a chain of calls.

def normalise(words):
    return [w.strip().lower() for w in words]


def index_of(words, target):
    return normalise(words).index(target)


print(index_of(["A ", "b"], "a"))
print(index_of(["A ", "b"], "c"))
