# TypeError from calling a function with a missing argument: CPython names
# the function and the missing parameter.

def connect(host, port, *, timeout=10):
    return f"{host}:{port} ({timeout}s)"


print(connect("localhost", 8080))
print(connect("localhost", 8080, timeout=3))
print(connect("localhost"))
