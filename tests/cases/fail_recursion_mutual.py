# Unbounded mutual recursion under a lowered limit: the repeated pair of
# frames is not collapsed into one "Previous line repeated" message.
import sys

sys.setrecursionlimit(60)


def ping(n):
    return pong(n + 1)


def pong(n):
    return ping(n + 1)


ping(0)
