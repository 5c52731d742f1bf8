x = 6 * 7
print("answer", x)
if x > 40:
    print("big")
