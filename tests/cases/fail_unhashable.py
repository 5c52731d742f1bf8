# TypeError from using a list as a set element.

seen = set()
for item in [(1, 2), [3, 4]]:
    seen.add(item)
    print("added", item)
