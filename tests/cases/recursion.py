# Recursion: plain, mutual, deep-ish, with accumulators; catching
# RecursionError; the recursion limit getters/setters.
import sys

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

def flatten(x):
    if isinstance(x, list):
        out = []
        for item in x:
            out.extend(flatten(item))
        return out
    return [x]

def permutations(items):
    if len(items) <= 1:
        return [items]
    result = []
    for i, head in enumerate(items):
        for tail in permutations(items[:i] + items[i + 1:]):
            result.append([head] + tail)
    return result

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(fact(20), fact(30), [fib(i) for i in range(16)], is_even(101), is_odd(101))
print(hanoi(3, "A", "C", "B", []), len(hanoi(10, "A", "C", "B", [])))
print(ackermann(2, 3), ackermann(3, 3), flatten([1, [2, [3, [4, []]], 5], [[6]]]))
print(permutations([1, 2, 3]), len(permutations(list("abcde"))))
print(depth(500))

limit = sys.getrecursionlimit()
print("default limit", limit)

def unbounded(n):
    return unbounded(n + 1)

try:
    unbounded(0)
except RecursionError as e:
    print("RecursionError:", e)

sys.setrecursionlimit(200)
print("lowered limit", sys.getrecursionlimit())
try:
    depth(500)
except RecursionError as e:
    print("RecursionError at 500 with limit 200:", e)
print("depth 150 still fine:", depth(150))
sys.setrecursionlimit(limit)
print("restored", sys.getrecursionlimit(), depth(900))

def recurse_in_handler(n):
    try:
        if n == 0:
            raise ValueError("bottom")
        return recurse_in_handler(n - 1)
    except ValueError as e:
        return f"caught at depth {n}: {e}"

print(recurse_in_handler(50))

def count_down_with_finally(n, log):
    try:
        if n > 0:
            count_down_with_finally(n - 1, log)
    finally:
        log.append(n)
    return log

print(count_down_with_finally(5, []))
