# f-strings: conversions, format specs, nesting, debug, concatenation.
a = f'{x}'
b = f'a{x}b{y}c'
c = f'{x!r} {x!s} {x!a}'
d = f'{x:>10} {x:{w}.{p}f}'
e = f'{x=}'
f = f'{x = !s:>3}'
g = 'a' f'b{x}' 'c'
h = f''
i = f'{"nested"}'
j = f'{x}' f'{y}'
k = f'{x:}'
l = f'''multi
{x}
line'''
m = f'{{literal}} {x}'
n = f'{x!r:^{w}}'
