# AttributeError on a builtin object, with a "Did you mean" suggestion.

items = [3, 1, 2]
items.append(4)
print(items)
items.apend(5)
