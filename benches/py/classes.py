# Workload (pending: pyrs runs it once classes land, issue 4): attribute
# access and method calls on classes (instance attributes, properties,
# inheritance with super(), __slots__, special methods).
# `classes.pyc N`: N scales the work. Prints a checksum python3.14 agrees with.
import sys


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Account:
    rate = 3

    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)
        return self

    @property
    def doubled(self):
        return self.balance * 2

    def interest(self):
        return self.balance * self.rate // 100


class Savings(Account):
    rate = 5

    def interest(self):
        return super().interest() + 1


def vectors(n):
    acc = Vec(0, 0)
    d = 0
    for i in range(n):
        v = Vec(i % 7, i % 11)
        acc = acc + v
        d += v.dot(acc) % 1000
    return acc.x + acc.y + d


def accounts(n):
    accts = [Account("a"), Savings("b"), Account("c"), Savings("d")]
    total = 0
    for i in range(n):
        a = accts[i % 4]
        a.deposit(i % 50)
        total += a.interest() + a.doubled % 7
    return total + sum(len(a.history) for a in accts)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
v = vectors(20 * n)
a = accounts(20 * n)
print("vectors", v)
print("accounts", a)
print("checksum", (v * 31 + a) % 1000000007)
