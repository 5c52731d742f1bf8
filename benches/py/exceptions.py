# Workload: exceptions raised and caught (try/except/else/finally, raising
# from nested calls, exception chaining, builtin errors from indexing and
# conversion). `exceptions.pyc N`: N scales the work. Prints a checksum
# python3.14 agrees with.
import sys


def parse(s):
    try:
        return int(s)
    except ValueError:
        return -1


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return 0
    finally:
        pass


def deep(n):
    if n == 0:
        raise ValueError("bottom")
    return deep(n - 1) + 1


def nested(n):
    caught = 0
    for i in range(n):
        try:
            try:
                deep(i % 6)
            except ValueError as e:
                raise RuntimeError("wrapped") from e
        except RuntimeError as e:
            if e.__cause__ is not None:
                caught += 1
    return caught


def flow(n):
    total = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                raise IndexError(i)
            total += 1
        except IndexError as e:
            total += e.args[0] % 5
        else:
            total += 2
        finally:
            total += 1
    return total


def builtins_raise(n):
    xs = [1, 2, 3]
    errs = 0
    for i in range(n):
        try:
            xs[i % 5]
        except IndexError:
            errs += 1
        try:
            1 // (i % 4)
        except ZeroDivisionError:
            errs += 2
        try:
            None.missing
        except AttributeError:
            errs += 3
    return errs


def main(n):
    words = ["12", "x", "7", "", "-3", "4.5"]
    p = 0
    for i in range(10 * n):
        p += parse(words[i % 6])
    table = {i: i * i for i in range(50)}
    q = 0
    for i in range(10 * n):
        q += lookup(table, i % 80)
    r = nested(2 * n)
    s = flow(10 * n)
    t = builtins_raise(3 * n)
    print("parse", p)
    print("lookup", q)
    print("nested", r)
    print("flow", s)
    print("builtins", t)
    print("checksum", (p * 31 + q * 17 + r * 7 + s * 3 + t) % 1000000007)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
