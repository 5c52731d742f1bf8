# A failing expression that spans several lines: the traceback shows all the
# lines of the statement with carets under the failing part.

def build(parts):
    return {
        "count": len(parts),
        "first": parts[0],
        "ratio": parts[0]
                 / parts[1],
    }


print(build([6, 3]))
print(build([6, 0]))
