try:
    x = a and b
except E:
    pass
try:
    y = a or (b and c) or d
    z = not a or b
    for i in a or b:
        w = i if i and a else b
finally:
    v = a and b
with m:
    u = a or b
