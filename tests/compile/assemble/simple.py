x = 1
y = x + 2
print(x, y)
if x:
    y = (1, 2) + (3,)
else:
    y = 2
z = [x, y]
