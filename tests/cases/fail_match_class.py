class Pair:
    __match_args__ = ("first",)

    def __init__(self):
        self.first = 1
        self.second = 2


def classify(p):
    match p:
        case Pair(first, second):
            return first, second


print(classify(Pair()))
