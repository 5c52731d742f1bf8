data = [1, 2, 3]
a = [x * 2 for x in data]
b = {x for x in data if x > 1}
c = {x: x * x for x in data}
d = list(x for x in data)
e = [x + y for x in data for y in data if x != y]
f = [[y for y in range(x)] for x in data]
g = [lambda: x for x in data]
x = 10
h = [x for x in data]
i = sum(x for x in data)
j = [y for x in data if x for y in range(x) if y]
k = {k: v for k, v in zip(data, data)}
l = [(a, b) for a in data for b in data]
m = [n for n in data if (t := n)]
o = any(q > 1 for q in data)
p = [[a, b, c] for a in data for b in a for c in b]
