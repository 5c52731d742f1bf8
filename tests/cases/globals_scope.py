# Name resolution: module globals, `global` in functions, deleting names at
# module level and globally, shadowing builtins, NameError/UnboundLocalError.

counter = 0

def bump(by=1):
    global counter
    counter += by
    return counter

print(bump(), bump(5), counter)

def create_global():
    global created
    created = "made inside a function"

create_global()
print(created)

def delete_global():
    global created
    del created

delete_global()
try:
    print(created)
except NameError as e:
    print("NameError:", e)

temp = 5
print(temp)
del temp
try:
    temp
except NameError as e:
    print("NameError:", e)

print("-- shadowing builtins")
def use_len(x):
    return len(x)

print(use_len("abc"))
len = lambda x: "shadowed"
print(use_len("abc"), len([]))
del len
print(use_len("abc"), len([1, 2]))

def local_shadow():
    max = 10
    return max, min(3, 4)

print(local_shadow(), max(1, 2))

print("-- global vs local")
x = "global"

def read_global():
    return x

def local_assign():
    x = "local"
    return x

def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = "assigned later"
    return x

print(read_global(), local_assign(), x)
print(unbound())

def conditional_local(flag):
    if flag:
        y = "set"
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)

print(conditional_local(True), conditional_local(False))

def del_local():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)

print(del_local())
try:
    del never_defined
except NameError as e:
    print("NameError:", e)

def del_missing_global():
    global never_defined_either
    try:
        del never_defined_either
    except NameError as e:
        print("NameError:", e)

del_missing_global()

print("-- module-level names in loops and conditionals")
for idx in range(3):
    square = idx * idx
print(idx, square)
if square > 3:
    big = True
else:
    big = False
print(big)
print(__name__, __doc__)

def nested_global():
    def inner():
        global counter
        counter = -1
    inner()
    return counter

print(nested_global(), counter)
