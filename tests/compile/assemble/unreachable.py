for i in range(3):
    continue
    print("never")
while True:
    break
    print("never")
try:
    raise ValueError
    x = 1
except ValueError:
    pass
if False:
    print("dead")
else:
    print("alive")
if 1:
    print("yes")
else:
    print("no")
while 1:
    pass
print("after infinite loop")
