# Calling a class with the wrong arguments: the message names __init__.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y)
Point(1, 2, 3)
