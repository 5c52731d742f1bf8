# An uncaught AttributeError on an instance, with the suggestion CPython adds.
class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        return self.balanse - amount


print(Account(10).withdraw(3))
