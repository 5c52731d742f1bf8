# mode: eval
[x * 2 for x in range(3)] + [y if y else z]
