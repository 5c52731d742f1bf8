# TypeError from a binary operation between incompatible types, with carets
# under the operator inside a longer line.

def describe(name, age):
    return "name: " + name + ", age: " + age + " years"


print(describe("Ada", "36"))
print(describe("Ada", 36))
