# str() of an exception is used for the last line: KeyError shows the repr
# of its key, and a multi-argument exception shows the tuple of args.

try:
    raise ValueError("a", 2)
except ValueError as e:
    print("caught:", e)
raise KeyError("")
