# A class statement whose bases cannot be linearised.
class A:
    pass


class B(A):
    pass


class C(A, B):
    pass
