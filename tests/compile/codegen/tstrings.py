# t-strings (PEP 750).
a = t'hello {name}'
b = t'{x!r:>10}'
c = t''
d = t'{a}{b}'
e = t'x' t'{y}'
f = t'{x=}'
g = t'{ x + 1 }'
